package org.vertebra.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Cookieless statistics, over HTTP, on SQLite and PostgreSQL. */
class StatsTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(TestServer server, String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countsViewsVisitorsReferrersAndFruitlessSearchesWithoutACookie(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestServer server = TestServer.empty(kind, folder, clock)) {
            for (int i = 0; i < 3; i++) { // the second and third come from the cached fast path
                HttpResponse<String> page = get(server, "GET", "/", Map.of("User-Agent", FIREFOX,
                        "Referer", "https://news.example.com/health/article?id=" + i));
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().allValues("Set-Cookie")).as("counting sets no cookie").isEmpty();
            }
            get(server, "GET", "/", Map.of("User-Agent", CHROME, "Referer", server.uri("/about/").toString()));
            get(server, "GET", "/search/?q=Spinal+Stenosis", Map.of("User-Agent", CHROME));
            // Not counted: robots, staff pages, files, HEAD, privacy signals, a rejection of Statistics.
            get(server, "GET", "/", Map.of("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1)"));
            get(server, "GET", "/admin/sign-in/", Map.of("User-Agent", FIREFOX));
            get(server, "GET", "/static/css/site.css", Map.of("User-Agent", FIREFOX));
            get(server, "HEAD", "/", Map.of("User-Agent", FIREFOX));
            get(server, "GET", "/", Map.of("User-Agent", FIREFOX, "Sec-GPC", "1"));
            get(server, "GET", "/", Map.of("User-Agent", FIREFOX, "DNT", "1"));
            get(server, "GET", "/", Map.of("User-Agent", FIREFOX, "Cookie", "vertebra_consent=1.marketing.abc"));
            get(server, "GET", "/", Map.of("User-Agent", FIREFOX, "Cookie", "vertebra_consent=1.statistics.abc"));
            server.server().statsRecorder().flush();

            StatsReport report = server.site().stats.report(30);
            assertThat(report.viewsByDay()).containsEntry("2026-03-02", 6L);
            assertThat(report.visitorsByDay()).containsEntry("2026-03-02", 2L);
            assertThat(report.topPages()).containsExactly(new StatsReport.Count("/", 5), new StatsReport.Count("/search/", 1));
            assertThat(report.referrers()).containsExactly(new StatsReport.Count("news.example.com", 3));
            assertThat(report.searchMisses()).containsExactly(new StatsReport.Count("spinal stenosis", 1));
            String stored = server.site().database.jdbi().withHandle(h -> String.join(" ",
                    h.createQuery("SELECT item FROM stats_daily").mapTo(String.class).list())
                    + h.createQuery("SELECT visitor FROM stats_visitors").mapTo(String.class).list());
            assertThat(stored).doesNotContain("127.0.0.1", "Firefox", "id=", "/health/");

            clock.advance(Duration.ofDays(1));
            assertThat(server.site().stats.forgetPastVisitors()).isEqualTo(2);
            assertThat(server.site().stats.report(30).visitorsByDay()).containsEntry("2026-03-02", 2L);
            int salts = server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stats_salts")
                    .mapTo(Integer.class).one());
            assertThat(salts).as("the past day's salt is gone").isZero();

            server.site().accounts.addUser("ed@example.org", "Ed Editor", AccountRole.EDITOR, "a long enough password");
            Document admin = new WebClient(server).signIn("ed@example.org", "a long enough password").page("/admin/stats/");
            assertThat(admin.select("svg.stats-chart rect.bar-views")).hasSize(30);
            assertThat(admin.select("#top-pages + table td")).extracting(e -> e.text()).contains("/", "5");
            assertThat(admin.text()).contains("news.example.com", "spinal stenosis");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyServerOfTheSiteUsesTheSameDailySalt(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestServer server = TestServer.empty(kind, folder, clock)) {
            StatsService other = new StatsService(server.site().database.jdbi(), server.site().transactor, server.site().consent,
                    "http://vertebra.test", clock);
            org.vertebra.web.PageView view = new org.vertebra.web.PageView("/", "vertebra.test", null, FIREFOX, "192.0.2.4", null, null, null);
            server.site().stats.count(java.util.List.of(view));
            other.count(java.util.List.of(view));
            assertThat(server.site().stats.report(1).visitorsByDay()).containsEntry("2026-03-02", 1L);
            assertThat(server.site().stats.report(1).viewsByDay()).containsEntry("2026-03-02", 2L);
        }
    }
}
