package org.vertebra.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.comment.CommentForm;
import org.vertebra.comment.CommentService;
import org.vertebra.contact.ContactForm;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** A person's data rights over HTTP, on SQLite and PostgreSQL, and that they cover every table with an address in it. */
class PrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPersonDownloadsThenErasesEverythingHeldUnderTheirAddress(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestServer server = TestServer.empty(kind, folder, clock)) {
            Site site = server.site();
            Article article = site.articleWriter.save(new ArticleDraft(Article.POST, "hip", "Hip", null, "Text.", null, null,
                    Article.PUBLISHED, clock.instant().minus(Duration.ofDays(2)), null, null, null, null, false, List.of())).article();
            long ann = site.comments.submit(article, comment("Ann", "Ann@Example.org", "My left hip aches at night.", "", clock, site),
                    "203.0.113.1").id();
            site.comments.approve(ann);
            long bob = site.comments.submit(article, comment("Bob", "bob@example.org", "Mine too.", Long.toString(ann), clock, site),
                    "203.0.113.2").id();
            site.comments.approve(bob);
            String ticket = site.formGuard.ticket();
            clock.advance(Duration.ofSeconds(10));
            site.newsletter.subscribe("ann@example.org", "203.0.113.1", ticket, "");
            site.contact.send(new ContactForm.Sent("general", "Ann", "ann@example.org", "Do you see patients on Fridays?"),
                    "203.0.113.1", ticket, "");
            var doctor = site.consult.agenda().addDoctor("dr-test", "Dr Test", java.time.ZoneId.of("Europe/London"), 30, null, null);
            site.consult.agenda().setHours(doctor.id(), java.util.Arrays.stream(java.time.DayOfWeek.values())
                    .map(d -> new org.vertebra.consult.WeeklyHours(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)))
                    .toList());
            site.consult.bookings().book(new org.vertebra.consult.BookingCommand("dr-test",
                    "2026-03-03T10:00:00Z", "Europe/London", "Ann", "ann@example.org", "+44 20 7946 0000", "61",
                    "Hip pain at night for a month", "4 weeks", List.of("night-pain"), true, true));

            WebClient person = new WebClient(server);
            Map<String, String> form = PublicForm.fields(person, "/privacy/my-data/", clock, "email", "ANN@example.org");
            HttpResponse<String> asked = person.post("/privacy/my-data/", form);
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body()).contains("Check your inbox");
            MailOutbox.Mail mail = MailOutbox.ofKind(site, "privacy-request").get(0);
            assertThat(mail.recipient()).isEqualTo("ann@example.org");
            String link = mail.link(site.settings.baseUrl() + "/privacy/my-data/").substring(site.settings.baseUrl().length());

            Document page = person.page(link);
            assertThat(page.select(".held-list li").eachText()).containsExactly("comments: 1", "newsletter subscription: 1",
                    "contact messages: 1", "mail sent: 3", "consultations: 1", "reading lists: 0");
            String token = page.selectFirst("input[name=token]").attr("value");
            String base = link.substring(0, link.indexOf('?'));

            HttpResponse<String> download = person.post(base + "export/", Map.of("token", token));
            assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"my-data.json\"");
            JsonNode data = JSON.readTree(download.body()).path("data");
            assertThat(data.path("comments").get(0).path("text").asText()).isEqualTo("My left hip aches at night.");
            assertThat(data.path("comments").get(0).path("article").asText()).isEqualTo("http://vertebra.test/hip/");
            assertThat(data.path("newsletter_subscription").path("status").asText()).isEqualTo("pending");
            assertThat(data.path("contact_messages").get(0).path("message").asText()).isEqualTo("Do you see patients on Fridays?");
            assertThat(data.path("mail_sent")).hasSize(3);
            assertThat(data.path("consultations").get(0).path("intake").path("complaint").asText())
                    .isEqualTo("Hip pain at night for a month");

            HttpResponse<String> unconfirmed = person.post(base + "erase/", Map.of("token", token));
            assertThat(unconfirmed.statusCode()).isEqualTo(422);
            assertThat(site.contact.exportPersonalData("ann@example.org")).hasSize(1);

            HttpResponse<String> erased = person.post(base + "erase/", Map.of("token", token, "confirm", "yes"));
            assertThat(erased.statusCode()).isEqualTo(200);
            assertThat(erased.body()).contains("Your data is erased");
            assertThat(site.comments.byId(ann).orElseThrow()).satisfies(c -> {
                assertThat(c.name()).isEqualTo(CommentService.ERASED_NAME);
                assertThat(c.email()).isEmpty();
                assertThat(c.bodyMarkdown()).isEqualTo(CommentService.ERASED_TEXT);
            });
            assertThat(site.comments.byId(bob).orElseThrow().bodyMarkdown()).as("others' replies stay").isEqualTo("Mine too.");
            for (PersonalDataSource source : server.server().privacy().sources()) {
                Object left = source.export("ann@example.org");
                assertThat(left instanceof java.util.Collection<?> c ? c.isEmpty() : ((Map<?, ?>) left).isEmpty())
                        .as(source.name()).isTrue();
            }
            String text = site.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM privacy_requests WHERE email IS NOT NULL").mapTo(Integer.class).one()).toString();
            assertThat(text).isEqualTo("0");
            assertThat(person.get(link).statusCode()).as("the link dies with the data").isEqualTo(410);

            site.accounts.addUser("ada@example.org", "Ada Admin", AccountRole.ADMIN, "a long enough password");
            Document admin = new WebClient(server).signIn("ada@example.org", "a long enough password").page("/admin/privacy/");
            assertThat(admin.select("tbody tr").get(0).text()).startsWith("erased (").doesNotContain("ann@");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLinkThatIsOldOrChangedOpensNothing(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
        try (TestServer server = TestServer.empty(kind, folder, clock)) {
            WebClient person = new WebClient(server);
            person.post("/privacy/my-data/", PublicForm.fields(person, "/privacy/my-data/", clock, "email", "cy@example.org"));
            String link = MailOutbox.ofKind(server.site(), "privacy-request").get(0).link("http://vertebra.test/privacy/my-data/")
                    .substring("http://vertebra.test".length());
            assertThat(person.get(link).statusCode()).isEqualTo(200);
            assertThat(person.get(link.replaceFirst("/(\\d+)/", "/9$1/")).statusCode()).isEqualTo(410);
            assertThat(person.get(link.substring(0, link.length() - 2) + "xx").statusCode()).isEqualTo(410);
            clock.advance(PrivacyService.LINK_VALID.plusMinutes(1));
            assertThat(person.get(link).statusCode()).isEqualTo(410);
            HttpResponse<String> bad = person.post("/privacy/my-data/", PublicForm.fields(person, "/privacy/my-data/", clock,
                    "email", "not an address"));
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(bad.body()).contains("not an address");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyTableWithAnEmailColumnIsCoveredByExportAndErasure(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-03-02T09:00:00Z"))) {
            assertThat(uncovered(server)).as("tables with an email column that no PersonalDataSource covers").isEmpty();

            // A new feature's table that nobody registered is caught:
            server.site().database.jdbi().useHandle(h -> h.execute(
                    "CREATE TABLE waiting_list (id BIGINT PRIMARY KEY, patient_email VARCHAR(320) NOT NULL)"));
            assertThat(uncovered(server)).containsExactly("waiting_list.patient_email");
        }
    }

    /** Columns that hold an address (email, *_email, recipient, address) in tables that no source covers. */
    static List<String> uncovered(TestServer server) throws Exception {
        Site site = server.site();
        List<String> covered = server.server().privacy().coveredTables();
        List<String> missing = new ArrayList<>();
        try (Connection connection = site.database.jdbi().open().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            TreeSet<String> tables = new TreeSet<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals("public")) {
                        tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                        boolean holdsAddress = column.equals("email") || column.endsWith("_email") || column.equals("recipient")
                                || column.equals("address");
                        if (holdsAddress && !covered.contains(table) && !PrivacyService.NOT_ABOUT_READERS.containsKey(table)) {
                            missing.add(table + "." + column);
                        }
                    }
                }
            }
        }
        return missing;
    }

    private static CommentForm comment(String name, String email, String body, String replyTo, TestClock clock, Site site) {
        String ticket = site.formGuard.ticket();
        clock.advance(Duration.ofSeconds(10));
        return new CommentForm(name, email, body, false, replyTo, ticket, "");
    }
}
