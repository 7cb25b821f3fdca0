package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** The route table's rules: every route names its guard, no two routes claim one path, the article catch-all comes last. */
class RouteTableTest {

    @TempDir
    static Path temp;

    private static List<RouteTable.Route> routes;

    @BeforeAll
    static void readTheTable() throws Exception {
        try (TestServer server = TestServer.empty(TestDatabase.SQLITE, temp, org.vertebra.support.TestClock.at("2026-03-02T09:00:00Z"))) {
            routes = server.server().routes();
        }
    }

    @Test
    void everyRouteNamesTheGuardThatLetsARequestThrough() {
        assertThat(routes).hasSizeGreaterThan(100);
        assertThat(unguarded(routes)).as("routes without a guard").isEmpty();
    }

    @Test
    void noTwoRoutesClaimTheSameMethodAndPath() {
        assertThat(claimedTwice(routes)).isEmpty();
    }

    @Test
    void theRulesCatchAPathTwoFeaturesClaimAndARouteWithoutAGuard() {
        List<RouteTable.Route> table = List.of(
                new RouteTable.Route("GET", "/contact/", List.of("ANYONE"), "contact"),
                new RouteTable.Route("POST", "/contact/", List.of("PUBLIC_FORM"), "contact"),
                new RouteTable.Route("GET", "/contact/", List.of("ANYONE"), "newsletter"),
                new RouteTable.Route("GET", "/admin/contact/", List.of(), "contact"));
        assertThat(claimedTwice(table)).containsExactly("GET /contact/ claimed by contact, newsletter");
        assertThat(unguarded(table)).extracting(RouteTable.Route::path).containsExactly("/admin/contact/");
    }

    @Test
    void eachRouteIsNamedForTheFeatureThatRegisteredIt() {
        Map<String, RouteTable.Route> byRoute = routes.stream()
                .collect(Collectors.toMap(r -> r.method() + " " + r.path(), Function.identity(), (a, b) -> a));
        assertThat(byRoute.get("GET /admin/").feature()).isEqualTo("admin");
        assertThat(byRoute.get("GET /healthz").feature()).isEqualTo("monitor");
        assertThat(byRoute.get("GET /admin/consult/doctors/").feature()).isEqualTo("consult");
        assertThat(byRoute.get("GET /{lang}/feed/").feature()).isEqualTo("feed"); // the second of the feed feature's two entries
    }

    /** Routes that name no guard (the guard would refuse every request to them). */
    private static List<RouteTable.Route> unguarded(List<RouteTable.Route> table) {
        return table.stream().filter(r -> r.guards().isEmpty()).toList();
    }

    /** Each method and path that more than one route claims, with the features that claim it. */
    private static List<String> claimedTwice(List<RouteTable.Route> table) {
        Map<String, List<String>> claims = table.stream().collect(Collectors.groupingBy(r -> r.method() + " " + r.path(),
                java.util.LinkedHashMap::new, Collectors.mapping(RouteTable.Route::feature, Collectors.toList())));
        return claims.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " claimed by " + String.join(", ", e.getValue())).toList();
    }

    @Test
    void everyRouteBelongsToAFeatureAndTheAdminIsGuardedByAnAction() {
        assertThat(routes).allSatisfy(r -> assertThat(r.feature()).as(r.path()).isNotEqualTo("?"));
        Map<String, RouteTable.Route> byRoute = routes.stream()
                .collect(Collectors.toMap(r -> r.method() + " " + r.path(), Function.identity(), (a, b) -> a));
        assertThat(byRoute.get("GET /admin/settings/").guards()).containsExactly("MANAGE_SETTINGS");
        assertThat(byRoute.get("GET /admin/settings/").feature()).isEqualTo("settings");
        assertThat(byRoute.get("GET /search/").guards()).containsExactly("ANYONE");
        // Signing in is open to anyone; every other admin page asks for an action.
        assertThat(routes.stream().filter(r -> r.path().startsWith("/admin/") && r.guards().contains("ANYONE"))
                .map(RouteTable.Route::path).distinct().toList())
                .allSatisfy(path -> assertThat(path).matches("/admin/(sign-in|sign-out|password|two-step).*"));
    }

    @Test
    void theOneSegmentArticleRouteIsTriedLast() {
        List<RouteTable.Route> gets = routes.stream().filter(r -> r.method().equals("GET")).toList();
        RouteTable.Route last = gets.get(gets.size() - 1);
        assertThat(last.path()).matches("/\\{[a-z]+\\}/");
        assertThat(last.feature()).isEqualTo("article");
    }

    @Test
    void theTablePrintsOneAlignedLineARoute() {
        String text = RouteTable.text(routes);
        assertThat(text.lines().count()).isEqualTo(routes.size() + 1L);
        assertThat(text).containsPattern("GET +/admin/settings/ +settings +MANAGE_SETTINGS");
    }
}
