package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Redirects over HTTP: 301 and 410 answers, the admin's forms and who may use them, and the 404 log. */
class RedirectAdminTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static TestServer server;
    private static Desk desk;
    private static WebClient editor;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-redirects"));
        desk = new Desk(server, "redirects");
        editor = desk.client(AccountRole.EDITOR);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> add(WebClient as, String source, String target, String kind, String note) {
        return as.post("/admin/redirects/", Map.of("_csrf", Desk.token(as), "source", source, "target", target, "kind", kind,
                "note", note));
    }

    private HttpResponse<String> visit(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMovedAddressAnswers301WithItsTargetAndCountsTheHit() {
        assertThat(add(editor, "/2019/05/knee-pain-guide/", "/knee-pain/", "301", "From the old site").statusCode()).isEqualTo(303);

        HttpResponse<String> moved = server.get("/2019/05/knee-pain-guide/?utm_source=newsletter");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).contains("/knee-pain/");
        assertThat(server.get("/2019/05/knee-pain-guide/").statusCode()).isEqualTo(301);
        server.server().redirectRecorder().flush();

        Document list = editor.page("/admin/redirects/?q=knee-pain-guide");
        assertThat(list.select("table.redirects tbody tr")).hasSize(1);
        assertThat(list.select("table.redirects tbody td").get(1).text()).isEqualTo("2");
    }

    @Test
    void anAddressWithAccentsLeadsToItsTargetPercentEncoded() {
        assertThat(add(editor, "/caf%C3%A9-ancien/", "/caf\u00e9/", "301", "").statusCode()).isEqualTo(303);

        HttpResponse<String> moved = server.get("/caf%C3%A9-ancien/");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).contains("/caf%C3%A9/");
    }

    @Test
    void theListIsShownInPagesAndTheSearchIsKept() {
        for (int i = 0; i < RedirectService.PAGE_SIZE + 5; i++) {
            server.site().redirects.add(RedirectChange.parse("/paged-" + i + "/", "/", "301", ""), "Ed");
        }
        Document first = editor.page("/admin/redirects/?q=paged-");
        assertThat(first.select("table.redirects tbody tr")).hasSize(RedirectService.PAGE_SIZE);
        assertThat(first.select(".pagination-status").text()).isEqualTo("Page 1 of 2");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/admin/redirects/?q=paged-&page=2");
        assertThat(editor.page(next).select("table.redirects tbody tr")).hasSize(5);
    }

    @Test
    void aGoneAddressAnswers410WithTheSitesFramedPage() {
        add(editor, "/withdrawn-leaflet/", "", "410", "Withdrawn in 2024");

        HttpResponse<String> gone = server.get("/withdrawn-leaflet/");
        assertThat(gone.statusCode()).isEqualTo(410);
        Document page = Jsoup.parse(gone.body());
        assertThat(page.select("h1").text()).isEqualTo("Page removed");
        assertThat(page.select("footer")).isNotEmpty();
    }

    @Test
    void aRefusedRedirectAnswers422KeepsWhatWasTypedAndAddsNothing() {
        long before = server.site().redirects.list("", 1).total();
        Map<String, String> cases = Map.of(
                "/admin/users/", "belong to Vertebra itself",
                "/static/old.css", "belong to Vertebra itself",
                "/loop-me/", "the old address itself",
                "/low-back-pain-when-to-worry/", "Low Back Pain");
        cases.forEach((source, message) -> {
            HttpResponse<String> refused = add(editor, source, source.equals("/loop-me/") ? "/loop-me" : "/somewhere/", "301",
                    "Typed note");
            assertThat(refused.statusCode()).as(source).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.select(".field-error").text()).as(source).contains(message);
            assertThat(page.select("[role=alert]").text()).contains("nothing was changed");
            assertThat(page.select("#source").val()).isEqualTo(source);
            assertThat(page.select("#note").val()).isEqualTo("Typed note");
        });
        HttpResponse<String> noTarget = add(editor, "/needs-target/", "", "301", "");
        assertThat(noTarget.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(noTarget.body()).select("#target-error").text()).contains("Enter the new address");
        assertThat(server.site().redirects.list("", 1).total()).isEqualTo(before);
    }

    @Test
    void anEditedRedirectLeadsToItsNewTargetAndADeletedOneAnswersNotFound() {
        add(editor, "/edit-me/", "/first/", "301", "");
        long id = server.site().redirects.lookUp("/edit-me/").orElseThrow().id();

        Document form = editor.page("/admin/redirects/" + id + "/");
        assertThat(form.select("#target").val()).isEqualTo("/first/");
        assertThat(editor.post("/admin/redirects/" + id + "/", Map.of("_csrf", Desk.token(editor), "source", "/edit-me/",
                "target", "https://example.org/second/", "kind", "301", "note", "")).statusCode()).isEqualTo(303);
        assertThat(server.get("/edit-me/").headers().firstValue("Location")).contains("https://example.org/second/");

        assertThat(editor.post("/admin/redirects/" + id + "/delete/", Map.of("_csrf", Desk.token(editor))).statusCode())
                .isEqualTo(303);
        assertThat(server.get("/edit-me/").statusCode()).isEqualTo(404);
    }

    @Test
    void authorsReviewersAndDoctorsMayNotManageRedirectsAndEveryChangeNeedsTheCsrfToken() {
        for (AccountRole role : List.of(AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            WebClient refused = desk.client(role);
            assertThat(refused.get("/admin/redirects/").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(refused.get("/admin/redirects/not-found/").statusCode()).as(role.name()).isEqualTo(403);
            assertThat(add(refused, "/by-" + role.key() + "/", "/x/", "301", "").statusCode()).as(role.name()).isEqualTo(403);
        }
        assertThat(desk.client(AccountRole.ADMIN).get("/admin/redirects/").statusCode()).isEqualTo(200);
        Map<String, String> noToken = new HashMap<>(Map.of("source", "/no-token/", "target", "/x/", "kind", "301", "note", ""));
        assertThat(editor.post("/admin/redirects/", noToken).statusCode()).isEqualTo(403);
        assertThat(server.site().redirects.lookUp("/no-token/")).isEmpty();
        assertThat(server.site().redirects.list("by-", 1).total()).isZero();
    }

    @Test
    void pagesNotFoundAreLoggedWithTheReferrersHostAndOneClickFillsTheAddForm() throws Exception {
        Map<String, String> person = Map.of("User-Agent", BROWSER, "Accept", HTML,
                "Referer", "https://forum.example.org/threads/123?user=someone");
        for (int i = 0; i < 3; i++) {
            assertThat(visit("/old-clinic-hours/", person).statusCode()).isEqualTo(404);
        }
        // Not logged: robots, files, assets, what is not a page, long paths, pages that exist.
        visit("/robot-probe/", Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)", "Accept", HTML));
        visit("/wp-login.php", person);
        visit("/static/missing.css", person);
        visit("/media/missing.jpg", person);
        visit("/json-only/", Map.of("User-Agent", BROWSER, "Accept", "application/json"));
        visit("/" + "x".repeat(600) + "/", person);
        visit("/low-back-pain-when-to-worry/", person);
        server.server().redirectRecorder().flush();

        List<NotFoundPath> logged = server.site().redirects.mostFrequentMisses(100);
        assertThat(logged).extracting(NotFoundPath::path).contains("/old-clinic-hours/")
                .doesNotContain("/robot-probe/", "/wp-login.php", "/static/missing.css", "/media/missing.jpg", "/json-only/",
                        "/low-back-pain-when-to-worry/")
                .allMatch(p -> p.length() <= RedirectPaths.MAX);
        NotFoundPath hours = logged.stream().filter(p -> p.path().equals("/old-clinic-hours/")).findFirst().orElseThrow();
        assertThat(hours.hits()).isEqualTo(3);
        assertThat(hours.referrerHost()).isEqualTo("forum.example.org");

        Document log = editor.page("/admin/redirects/not-found/");
        assertThat(log.select("table.not-found tbody th").eachText()).contains("/old-clinic-hours/");
        assertThat(log.text()).contains("forum.example.org").doesNotContain("someone");
        String redirectThis = log.select("a:contains(Redirect this)").stream()
                .filter(a -> a.attr("href").contains("old-clinic-hours")).findFirst().orElseThrow().attr("href");
        Document prefilled = editor.page(redirectThis.substring(0, redirectThis.indexOf('#')));
        assertThat(prefilled.select("#source").val()).isEqualTo("/old-clinic-hours/");

        assertThat(add(editor, "/old-clinic-hours/", "/contact/", "301", "").statusCode()).isEqualTo(303);
        assertThat(server.site().redirects.mostFrequentMisses(100)).extracting(NotFoundPath::path)
                .doesNotContain("/old-clinic-hours/");
    }

    @Test
    void aDismissedAddressLeavesTheLog() throws Exception {
        visit("/typo-page/", Map.of("User-Agent", BROWSER, "Accept", HTML));
        server.server().redirectRecorder().flush();
        assertThat(editor.page("/admin/redirects/not-found/").select("input[name=path]").eachAttr("value")).contains("/typo-page/");

        HttpResponse<String> dismissed = editor.post("/admin/redirects/not-found/dismiss/", Map.of("_csrf", Desk.token(editor),
                "path", "/typo-page/"));

        assertThat(dismissed.statusCode()).isEqualTo(303);
        assertThat(editor.page("/admin/redirects/not-found/").select("input[name=path]").eachAttr("value"))
                .doesNotContain("/typo-page/");
    }
}
