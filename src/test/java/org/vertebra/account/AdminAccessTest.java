package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Every admin route by every role, over real HTTP: pages and direct POSTs that skip the forms, with
 * what each one may and may not change.
 */
class AdminAccessTest {

    static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static AccountService accounts;
    private static final Map<AccountRole, User> USERS = new EnumMap<>(AccountRole.class);
    private static final Map<AccountRole, WebClient> CLIENTS = new EnumMap<>(AccountRole.class);

    /** One request a role may or may not make, and the roles that may. */
    record Probe(String method, String path, Function<WebClient, Map<String, String>> form, Set<AccountRole> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-access"),
                TestClock.at("2025-03-01T09:00:00Z"));
        accounts = server.site().accounts;
        for (AccountRole role : AccountRole.values()) {
            USERS.put(role, accounts.addUser(role.key() + "@example.org", "The " + role.label(), role, PASSWORD));
            CLIENTS.put(role, new WebClient(server).signIn(role.key() + "@example.org", PASSWORD));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Probe> probes(User target) {
        Set<AccountRole> everyone = EnumSet.allOf(AccountRole.class);
        Set<AccountRole> admins = EnumSet.of(AccountRole.ADMIN);
        String user = "/admin/users/" + target.id();
        return List.of(
                new Probe("GET", "/admin/", c -> Map.of(), everyone),
                new Probe("GET", "/admin/account/", c -> Map.of(), everyone),
                new Probe("POST", "/admin/account/password/", c -> Map.of("_csrf", token(c), "current", "not it at all",
                        "password", "whatever new one", "confirm", "whatever new one"), everyone),
                new Probe("GET", "/admin/users/", c -> Map.of(), admins),
                new Probe("POST", "/admin/users/", c -> Map.of("_csrf", token(c), "email", "new-" + System.nanoTime()
                        + "@example.org", "name", "New Person", "role", "admin", "password", PASSWORD), admins),
                new Probe("POST", user + "/role/", c -> Map.of("_csrf", token(c), "role", "admin"), admins),
                new Probe("POST", user + "/disable/", c -> Map.of("_csrf", token(c)), admins),
                new Probe("POST", user + "/enable/", c -> Map.of("_csrf", token(c)), admins),
                new Probe("GET", "/admin/consult/", c -> Map.of(), EnumSet.of(AccountRole.ADMIN, AccountRole.DOCTOR)),
                new Probe("GET", "/admin/consult/log/", c -> Map.of(), admins),
                new Probe("GET", "/admin/mail/", c -> Map.of(), admins),
                new Probe("POST", "/admin/mail/send-now/", c -> Map.of("_csrf", token(c)), admins),
                new Probe("GET", "/admin/stats/", c -> Map.of(), EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR)),
                new Probe("GET", "/admin/redirects/", c -> Map.of(), EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR)),
                new Probe("GET", "/admin/redirects/not-found/", c -> Map.of(), EnumSet.of(AccountRole.ADMIN, AccountRole.EDITOR)),
                new Probe("GET", "/admin/privacy/", c -> Map.of(), admins),
                new Probe("GET", "/admin/privacy/consent/", c -> Map.of(), admins),
                new Probe("GET", "/admin/privacy/consent.csv", c -> Map.of(), admins),
                new Probe("GET", "/admin/privacy/consent/settings/", c -> Map.of(), admins),
                new Probe("POST", "/admin/privacy/consent/settings/ask-again/", c -> Map.of("_csrf", token(c), "confirm", "yes"),
                        admins));
    }

    @Test
    void everyRoleGetsExactlyTheAdminRoutesItsRoleAllows() {
        User target = accounts.addUser("target@example.org", "Target", AccountRole.AUTHOR, PASSWORD);
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (AccountRole role : AccountRole.values()) {
            WebClient client = CLIENTS.get(role);
            for (Probe probe : probes(target)) {
                int usersBefore = accounts.users().size();
                User targetBefore = accounts.user(target.id()).orElseThrow();
                HttpResponse<String> response = send(client, probe);
                boolean allowed = probe.allowed().contains(role);
                int status = response.statusCode();
                if (allowed ? status == 401 || status == 403 || status >= 500 : status != 403) {
                    failures.put(role + " " + probe, status);
                }
                if (!allowed) {
                    assertThat(response.body()).as("%s %s", role, probe).contains("Not allowed");
                    assertThat(accounts.users()).as("%s %s changed nothing", role, probe).hasSize(usersBefore);
                    assertThat(accounts.user(target.id())).as("%s %s changed nothing", role, probe).contains(targetBefore);
                }
            }
        }
        assertThat(failures).as("role and request that answered the wrong status").isEmpty();
    }

    @Test
    void anAdminsDirectPostsDoWhatTheFormsDo() {
        WebClient admin = CLIENTS.get(AccountRole.ADMIN);
        User target = accounts.addUser("direct@example.org", "Direct", AccountRole.AUTHOR, PASSWORD);
        String user = "/admin/users/" + target.id();

        assertThat(admin.post(user + "/role/", Map.of("_csrf", token(admin), "role", "reviewer")).statusCode()).isEqualTo(303);
        assertThat(accounts.user(target.id()).orElseThrow().role()).isEqualTo(AccountRole.REVIEWER);
        assertThat(admin.post(user + "/disable/", Map.of("_csrf", token(admin))).statusCode()).isEqualTo(303);
        assertThat(accounts.user(target.id()).orElseThrow().disabled()).isTrue();
        assertThat(admin.post(user + "/role/", Map.of("_csrf", token(admin), "role", "superuser")).statusCode()).isEqualTo(422);
        HttpResponse<String> self = admin.post("/admin/users/" + USERS.get(AccountRole.ADMIN).id() + "/disable/",
                Map.of("_csrf", token(admin)));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("ask another administrator");
        assertThat(accounts.user(USERS.get(AccountRole.ADMIN).id()).orElseThrow().disabled()).isFalse();
        assertThat(admin.post("/admin/users/999999/role/", Map.of("_csrf", token(admin), "role", "editor")).statusCode())
                .isEqualTo(422);
    }

    @Test
    void visitorsAreSentToSignInForPagesAndRefusedForEverythingElse() {
        WebClient visitor = new WebClient(server);
        for (Probe probe : probes(USERS.get(AccountRole.AUTHOR))) {
            HttpResponse<String> response = send(visitor, probe);
            if (probe.method().equals("GET")) {
                assertThat(response.statusCode()).as(probe.toString()).isEqualTo(302);
                assertThat(response.headers().firstValue("Location")).as(probe.toString())
                        .contains("/admin/sign-in/?next=" + java.net.URLEncoder.encode(probe.path(), java.nio.charset.StandardCharsets.UTF_8));
            } else {
                assertThat(response.statusCode()).as(probe.toString()).isEqualTo(401);
            }
        }
        assertThat(visitor.post("/admin/sign-out/", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void navigationShowsOnlyTheSectionsTheRoleMayOpen() {
        assertThat(CLIENTS.get(AccountRole.ADMIN).page("/admin/").select("nav[aria-label='Admin sections'] a").eachText())
                .containsExactly("Dashboard", "Articles", "Media", "Comments", "Newsletter", "Messages", "Consultations",
                        "Reading lists", "Users", "Authors", "Settings", "Mail", "Redirects", "Statistics", "Privacy", "Audit log");
        assertThat(CLIENTS.get(AccountRole.EDITOR).page("/admin/").select("nav[aria-label='Admin sections'] a").eachText())
                .containsExactly("Dashboard", "Articles", "Media", "Comments", "Newsletter", "Messages", "Authors", "Redirects", "Statistics");
        assertThat(CLIENTS.get(AccountRole.AUTHOR).page("/admin/").select("nav[aria-label='Admin sections'] a").eachText())
                .containsExactly("Dashboard", "Articles", "Media", "Authors");
        for (AccountRole role : List.of(AccountRole.REVIEWER)) {
            assertThat(CLIENTS.get(role).page("/admin/").select("nav[aria-label='Admin sections'] a").eachText()).as(role.name())
                    .containsExactly("Dashboard", "Articles");
        }
        assertThat(CLIENTS.get(AccountRole.DOCTOR).page("/admin/").select("nav[aria-label='Admin sections'] a").eachText())
                .containsExactly("Dashboard", "Messages", "Consultations", "Reading lists");
        var dashboard = CLIENTS.get(AccountRole.REVIEWER).page("/admin/");
        assertThat(dashboard.select("h1")).hasSize(1);
        assertThat(dashboard.select("header .admin-user").text()).contains("The Medical reviewer").contains("Sign out");
        assertThat(dashboard.select("header form[action='/admin/sign-out/'] input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void adminPagesAreNeverStoredByCachesAndNeverComeFromThePageCache() {
        WebClient admin = CLIENTS.get(AccountRole.ADMIN);
        for (String path : List.of("/admin/", "/admin/users/", "/admin/account/", "/admin/sign-in/")) {
            HttpResponse<String> response = admin.get(path);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
        }
        assertThat(new WebClient(server).get("/admin/").statusCode()).as("not served from a cache after admin's visit")
                .isEqualTo(302);
        assertThat(new WebClient(server).get("/admin/sign-in/").headers().firstValue("Cache-Control")).contains("no-store");
    }

    /** The CSRF token of this client's session; none for a visitor. */
    static String token(WebClient client) {
        HttpResponse<String> page = client.get("/admin/account/");
        return page.statusCode() == 200 ? org.jsoup.Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").attr("value") : "";
    }

    private static HttpResponse<String> send(WebClient client, Probe probe) {
        return probe.method().equals("GET") ? client.get(probe.path()) : client.post(probe.path(), probe.form().apply(client));
    }
}
