package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.article.Article;
import org.vertebra.pemat.PematItem;
import org.vertebra.pemat.Rating;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The PEMAT panel of the editor, its stored answers, and the site's PEMAT minimum, over HTTP on both databases. */
class PematOnTheDeskTest {

    private static final String PASSWORD = "a long enough password";
    private static final String BODY = """
            Most back pain gets better in a few weeks. Keep moving as much as you can.

            ## What you can do

            1. Walk a little every day.
            2. Call your doctor if your leg goes numb.
            """;

    @TempDir
    Path temp;

    private TestServer start(TestDatabase database) {
        return TestServer.empty(database, temp, TestClock.at("2026-03-02T09:00:00Z"));
    }

    private static WebClient signedIn(TestServer server, AccountRole role, String email) {
        server.site().accounts.addUser(email, "Eve " + role.label(), role, PASSWORD);
        return new WebClient(server).signIn(email, PASSWORD);
    }

    private static Map<String, String> newArticle(WebClient client, String slug, String intent) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", "Back pain " + slug);
        form.put("slug", slug);
        form.put("markdown", BODY);
        form.put("zone", "UTC");
        form.put("disclosure", "The author declares no conflicts of interest.");
        form.put("intent", intent);
        return form;
    }

    /** Every item answered as given, the rest "agree". */
    private static Map<String, String> allAnswered(Map<String, String> form, Map<Integer, String> except) {
        for (PematItem item : PematItem.values()) {
            form.put("pemat_" + item.number(), except.getOrDefault(item.number(), "agree"));
        }
        return form;
    }

    /** The editor's fields as the page shows them, PEMAT selects included (they sit beside the form). */
    private static Map<String, String> shown(Document page) {
        Map<String, String> form = new HashMap<>();
        page.select("form.editor-form input[name]:not([type=checkbox]), form.editor-form textarea[name],"
                + " form.editor-form select[name], select[form=article-form]").forEach(field -> form.put(field.attr("name"),
                field.tagName().equals("textarea") ? field.wholeText()
                        : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val()));
        return form;
    }

    private static long idOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+)/.*$", "$1"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersAreSavedWithTheArticleShownInThePanelAndTypedChoicesSurviveARefusedSave(TestDatabase database) {
        try (TestServer server = start(database)) {
            WebClient editor = signedIn(server, AccountRole.EDITOR, "editor@example.org");
            Map<String, String> form = newArticle(editor, "answered", "save");
            form.put("pemat_1", "agree");
            form.put("pemat_10", "disagree");
            form.put("pemat_2", "");
            long id = idOf(editor.post("/admin/articles/", form));

            assertThat(server.site().pemat.answers(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    PematItem.PURPOSE_EVIDENT, Rating.AGREE, PematItem.LOGICAL_SEQUENCE, Rating.DISAGREE));
            Document page = editor.page("/admin/articles/" + id + "/edit/");
            var panel = page.selectFirst("section.pemat-panel[aria-labelledby=pemat-title]");
            assertThat(panel.selectFirst("h2").text()).isEqualTo("PEMAT (understandability and actionability)");
            assertThat(panel.select("select[form=article-form]")).hasSize(24);
            assertThat(panel.select("fieldset.pemat-domain > legend").eachText())
                    .satisfiesExactly(u -> assertThat(u).startsWith("Understandability ("), a -> assertThat(a).startsWith("Actionability ("));
            assertThat(panel.select("label[for=pemat_1]").text()).isEqualTo("1. The material makes its purpose completely evident.");
            assertThat(panel.select("#pemat_1 option[selected]").val()).isEqualTo("agree");
            assertThat(panel.select("#pemat_10 option[selected]").val()).isEqualTo("disagree");
            assertThat(panel.select("#pemat_2 option[selected]").text()).isEqualTo("Not answered");
            // item 1 may never be "not applicable"; item 6 (numbers) may
            assertThat(panel.select("#pemat_1 option").eachAttr("value")).containsExactly("", "agree", "disagree");
            assertThat(panel.select("#pemat_6 option").eachAttr("value")).containsExactly("", "agree", "disagree", "na");
            // the numbered list settles item 22, Vertebra says so with its reason
            assertThat(panel.select("[data-pemat-item=22] [data-pemat-vertebra]").text()).isEqualTo("Vertebra: Agree.");
            assertThat(panel.select("#pemat_22 option").first().text()).isEqualTo("Vertebra's rating (Agree)");
            assertThat(panel.select("[data-pemat-left]").attr("data-pemat-left")).isEqualTo(
                    String.valueOf(server.site().desk.pematSheet(server.site().articles.byId(id).orElseThrow()).unanswered().size()));
            assertThat(panel.select("[data-pemat-score=understandability]").text()).matches("Understandability: \\d+ %");

            // A refused save (no title, and "not applicable" where the tool forbids it) keeps every choice as typed.
            Map<String, String> refused = shown(page);
            refused.put("intent", "save");
            refused.put("title", "");
            refused.put("pemat_2", "agree");
            refused.put("pemat_3", "na");
            HttpResponse<String> response = editor.post("/admin/articles/" + id + "/", refused);
            assertThat(response.statusCode()).isEqualTo(422);
            Document again = Jsoup.parse(response.body());
            assertThat(again.select("#pemat_2 option[selected]").val()).isEqualTo("agree");
            assertThat(again.select("#pemat_1 option[selected]").val()).isEqualTo("agree");
            assertThat(again.select("#pemat_3-error").text()).contains("cannot be rated not applicable");
            assertThat(again.select("#pemat_3").attr("aria-invalid")).isEqualTo("true");
            assertThat(server.site().pemat.answers(id)).doesNotContainKey(PematItem.NO_DISTRACTION);

            // Saved again properly, the answers follow the form: item 10 cleared, item 2 answered.
            Map<String, String> fixed = shown(editor.page("/admin/articles/" + id + "/edit/"));
            fixed.put("intent", "save");
            fixed.put("pemat_2", "agree");
            fixed.put("pemat_10", "");
            idOf(editor.post("/admin/articles/" + id + "/", fixed));
            assertThat(server.site().pemat.answers(id)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    PematItem.PURPOSE_EVIDENT, Rating.AGREE, PematItem.NO_DISTRACTION, Rating.AGREE));

            // The live check speaks of the text and the choices on screen.
            Map<String, String> live = new HashMap<>(Map.of("_csrf", editor.csrfToken("/admin/articles/new/"),
                    "markdown", "Walk every day.", "pemat_1", "disagree"));
            JsonNode json = readJson(editor.post("/admin/articles/preview/", live).body()).get("pemat");
            assertThat(json.get("items")).hasSize(24);
            assertThat(json.get("items").get(0).get("rating").asText()).isEqualTo("disagree");
            assertThat(json.get("items").get(0).get("vertebra").isNull()).isTrue();
            assertThat(json.get("left").asInt()).isPositive();

            // Deleting the article for good deletes its answers.
            server.site().database.jdbi().useHandle(h -> h.execute("DELETE FROM articles WHERE id = ?", id));
            assertThat(server.site().pemat.answers(id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSitesPematMinimumHoldsNewArticlesUntilEveryItemIsRatedAndBothScoresReachIt(TestDatabase database) {
        try (TestServer server = start(database)) {
            WebClient editor = signedIn(server, AccountRole.EDITOR, "editor@example.org");
            WebClient admin = signedIn(server, AccountRole.ADMIN, "admin@example.org");
            String settings = "/admin/settings/trust/";
            Map<String, String> setting = new HashMap<>(Map.of("_csrf", admin.csrfToken(settings),
                    "defaultDisclosure", "This clinic takes no sponsorship.", "maxGrade", ""));
            for (String wrong : new String[] {"101", "-1", "seventy", "7.5"}) {
                setting.put("minPemat", wrong);
                HttpResponse<String> refused = admin.post(settings, setting);
                assertThat(refused.statusCode()).as(wrong).isEqualTo(422);
                assertThat(Jsoup.parse(refused.body()).select("#minPemat-error").text()).contains("from 0 to 100");
            }
            assertThat(server.site().trustSettings.policy().minPemat()).isNull();
            // off by default: an article publishes without a single answer
            idOf(editor.post("/admin/articles/", newArticle(editor, "before-the-minimum", "publish")));

            setting.put("minPemat", "70");
            assertThat(admin.post(settings, setting).statusCode()).isEqualTo(303);
            assertThat(server.site().trustSettings.policy().minPemat()).isEqualTo(70);
            assertThat(admin.page(settings).select("#minPemat").val()).isEqualTo("70");
            assertThat(server.site().audit.page(new org.vertebra.audit.AuditFilter(null,
                            org.vertebra.audit.AuditAction.SETTINGS_CHANGED, null, null, null, null), 10))
                    .extracting(e -> e.objectId()).containsExactly("trust"); // the refused attempts left no record

            // Unanswered items: refused, named, and the text kept as a draft.
            HttpResponse<String> unanswered = editor.post("/admin/articles/", newArticle(editor, "held", "publish"));
            assertThat(unanswered.statusCode()).isEqualTo(422);
            Document refusal = Jsoup.parse(unanswered.body());
            assertThat(refusal.select("#pemat-error").text()).matches("Answer \\d+ PEMAT items? before publishing.*");
            Article draft = server.site().articleWriter.bySlug("held").orElseThrow();
            assertThat(draft.status()).isEqualTo(Article.DRAFT);

            // Every item rated, but actionability 3 of 7: refused with the figure.
            Map<String, String> low = shown(editor.page("/admin/articles/" + draft.id() + "/edit/"));
            allAnswered(low, Map.of(20, "disagree", 21, "disagree", 22, "disagree", 23, "disagree"));
            low.put("intent", "publish");
            HttpResponse<String> below = editor.post("/admin/articles/" + draft.id() + "/", low);
            assertThat(below.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(below.body()).select("#pemat-error").text())
                    .contains("Actionability 43 %, this site asks for 70 %").doesNotContain("Understandability");
            assertThat(server.site().articles.byId(draft.id()).orElseThrow().isPublished()).isFalse();

            // Answered at the minimum (5 of 7 is 71 %): published.
            Map<String, String> enough = shown(editor.page("/admin/articles/" + draft.id() + "/edit/"));
            allAnswered(enough, Map.of(20, "disagree", 21, "disagree"));
            enough.put("intent", "publish");
            idOf(editor.post("/admin/articles/" + draft.id() + "/", enough));
            assertThat(server.site().articles.byId(draft.id()).orElseThrow().isPublished()).isTrue();

            // A fix to an article published before the minimum is saved, with a warning.
            long earlier = server.site().articleWriter.bySlug("before-the-minimum").orElseThrow().id();
            Map<String, String> fix = shown(editor.page("/admin/articles/" + earlier + "/edit/"));
            fix.put("intent", "publish");
            fix.put("markdown", BODY + "\nStop if the pain gets worse.\n");
            HttpResponse<String> saved = editor.post("/admin/articles/" + earlier + "/", fix);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
            assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("done=below-pemat");
            assertThat(editor.page("/admin/articles/" + earlier + "/edit/?done=below-pemat").select(".notice").text())
                    .contains("PEMAT minimum");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theEvidenceReportShowsBothScoresPerArticleAndItsCsvCarriesThem(TestDatabase database) {
        try (TestServer server = start(database)) {
            WebClient editor = signedIn(server, AccountRole.EDITOR, "editor@example.org");
            long answered = idOf(editor.post("/admin/articles/", allAnswered(newArticle(editor, "answered", "save"),
                    Map.of(20, "disagree", 21, "disagree"))));
            long open = idOf(editor.post("/admin/articles/", newArticle(editor, "open", "save")));
            int openItems = server.site().desk.pematSheet(server.site().articles.byId(open).orElseThrow()).unanswered().size();
            assertThat(openItems).isPositive();

            Document report = editor.page("/admin/articles/evidence/?sort=title");
            assertThat(report.select("table.evidence-report thead th").eachText())
                    .contains("PEMAT understandability", "PEMAT actionability");
            var rows = report.select("table.evidence-report tbody tr");
            assertThat(rows.eachText()).hasSize(2);
            var answeredRow = rows.stream().filter(r -> r.selectFirst("a").attr("href").contains("/" + answered + "/")).findFirst().orElseThrow();
            assertThat(answeredRow.select("td[data-pemat=understandability]").text()).isEqualTo("100 %");
            assertThat(answeredRow.select("td[data-pemat=actionability]").text()).isEqualTo("71 %");
            var openRow = rows.stream().filter(r -> r.selectFirst("a").attr("href").contains("/" + open + "/")).findFirst().orElseThrow();
            assertThat(openRow.select("td[data-pemat]").text()).contains("to answer)");

            String[] csv = editor.get("/admin/articles/evidence.csv?sort=title").body().split("\r\n");
            assertThat(csv[0]).endsWith(",review_due,pemat_understandability,pemat_actionability,translation");
            String answeredLine = java.util.Arrays.stream(csv).filter(l -> l.startsWith(answered + ",")).findFirst().orElseThrow();
            assertThat(answeredLine).endsWith(",100,71,"); // then the translation column, empty for an article alone
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
