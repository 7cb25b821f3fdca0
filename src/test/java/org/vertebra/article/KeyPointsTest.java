package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.importer.ImportReport;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * "Key points" and "What you can do" over HTTP on both databases: from the front matter and from
 * the editor's two boxes to the top of the article and its structured data, and refused, with the
 * typed text kept, past the limits.
 */
class KeyPointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    private TestServer start(TestDatabase database) throws java.io.IOException {
        return TestServer.empty(database, Files.createDirectories(temp.resolve("site")), TestClock.at("2026-03-02T09:00:00Z"));
    }

    private ImportReport importFile(TestServer server, String name, String text) {
        Path file = MarkdownFiles.write(temp.resolve("articles-" + name), name + ".md", text);
        ImportReport report = server.site().importer.importPaths(List.of(file), false);
        server.server().refreshCache();
        return report;
    }

    private static String withFrontMatter(String slug, String fields) {
        return MarkdownFiles.article(slug, "Knee pain", "Rest the knee.\n\n## Moving\n\nWalk a little.")
                .replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\"\n" + fields);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keyPointsFromTheFrontMatterLeadTheArticleInTwoLabelledAsides(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            ImportReport report = importFile(server, "knee", withFrontMatter("knee-pain", """
                    key_points:
                      - "Most knee pain gets better in six weeks."
                      - "Moving helps more than rest."
                    actions: ["Walk a little every day.", "See a doctor if the knee swells."]"""));
            assertThat(report.problems()).isEmpty();

            Document page = server.page("/knee-pain/");
            Element points = page.selectFirst("article aside.key-points[aria-labelledby=key-points-title]");
            assertThat(points.selectFirst("h2#key-points-title").text()).isEqualTo("Key points");
            assertThat(points.select("li").eachText())
                    .containsExactly("Most knee pain gets better in six weeks.", "Moving helps more than rest.");
            Element actions = page.selectFirst("article aside.key-actions[aria-labelledby=key-actions-title]");
            assertThat(actions.selectFirst("h2").text()).isEqualTo("What you can do");
            assertThat(actions.select("li").eachText()).containsExactly("Walk a little every day.", "See a doctor if the knee swells.");
            // Above the text, below the title.
            String html = page.selectFirst("article").html();
            assertThat(html.indexOf("key-points-title")).isGreaterThan(html.indexOf("entry-title"))
                    .isLessThan(html.indexOf("entry-content"));
            assertThat(server.site().articleWriter.bySlug("knee-pain").orElseThrow().keyPoints().actions()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theStructuredDataCarriesThePointsAsAbstractAndBothListsAsNamedItemLists(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            importFile(server, "knee", withFrontMatter("knee-pain", """
                    key_points: ["Most knee pain gets better in six weeks.", "Moving helps more than rest."]
                    actions: ["Walk a little every day."]"""));
            JsonNode page = medicalWebPage(server.page("/knee-pain/"));

            assertThat(page.path("abstract").asText()).isEqualTo("Most knee pain gets better in six weeks. Moving helps more than rest.");
            JsonNode parts = page.path("hasPart");
            assertThat(parts).hasSize(2);
            assertThat(parts.get(0).path("@type").asText()).isEqualTo("ItemList");
            assertThat(parts.get(0).path("name").asText()).isEqualTo("Key points");
            assertThat(parts.get(0).path("itemListElement").get(1).path("position").asInt()).isEqualTo(2);
            assertThat(parts.get(0).path("itemListElement").get(1).path("name").asText()).isEqualTo("Moving helps more than rest.");
            assertThat(parts.get(1).path("name").asText()).isEqualTo("What you can do");
            assertThat(parts.get(1).path("itemListElement").get(0).path("name").asText()).isEqualTo("Walk a little every day.");

            importFile(server, "plain", withFrontMatter("plain-knee", ""));
            JsonNode plain = medicalWebPage(server.page("/plain-knee/"));
            assertThat(plain.has("abstract")).isFalse();
            assertThat(plain.has("hasPart")).isFalse();
            assertThat(server.page("/plain-knee/").select("aside.key-points")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void frontMatterPastTheLimitsIsRefusedAtItsLineWithAMessageThatSaysWhy(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "\"Point " + i + ".\"").collect(Collectors.joining(", "));
            ImportReport tooMany = importFile(server, "many", withFrontMatter("many-points", "key_points: [" + eleven + "]"));
            assertThat(tooMany.problems()).singleElement().asString()
                    .contains("many.md:10:", "key_points", "at most 10 key points (there are 11)");

            ImportReport tooLong = importFile(server, "long", withFrontMatter("long-action", "actions: [\"Fine.\", \"" + "a".repeat(201) + "\"]"));
            assertThat(tooLong.problems()).singleElement().asString()
                    .contains("long.md:10:", "Action 2 is 201 characters long", "to 200 characters");
            assertThat(server.site().articleWriter.bySlug("many-points")).isEmpty();
            assertThat(server.site().articleWriter.bySlug("long-action")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEditorWritesOnePointALineAndFindsThemKeptInTheFormAndOnTheArticle(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            WebClient editor = signedIn(server);
            Map<String, String> form = articleForm(editor, "- Most knee pain gets better in six weeks.\r\n\r\n* Moving helps more than rest.\r\n",
                    "1. Walk a little every day.");
            HttpResponse<String> created = editor.post("/admin/articles/", form);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            String edit = created.headers().firstValue("Location").orElseThrow();

            Document editorPage = editor.page(edit);
            assertThat(editorPage.selectFirst("textarea#keyPoints").wholeText())
                    .isEqualTo("Most knee pain gets better in six weeks.\nMoving helps more than rest.");
            assertThat(editorPage.selectFirst("textarea#actions").wholeText()).isEqualTo("Walk a little every day.");
            assertThat(editorPage.selectFirst("label[for=keyPoints]").text()).isEqualTo("Key points");

            server.server().refreshCache();
            Document article = server.page("/knee-pain/");
            assertThat(article.select("aside[aria-labelledby=key-points-title] li").eachText())
                    .containsExactly("Most knee pain gets better in six weeks.", "Moving helps more than rest.");
            assertThat(article.select("aside.key-actions li").eachText()).containsExactly("Walk a little every day.");

            // Emptying the box takes the points off the article.
            Map<String, String> cleared = formValues(editor.page(edit));
            cleared.put("keyPoints", "");
            cleared.put("actions", "  \n");
            assertThat(editor.post(edit.replaceAll("edit/.*$", ""), cleared).statusCode()).isEqualTo(303);
            server.server().refreshCache();
            assertThat(server.page("/knee-pain/").select("aside.key-points")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tooManyOrTooLongPointsAreRefusedWithClearMessagesAndTheTypedTextKept(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            WebClient editor = signedIn(server);
            String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "Point " + i + ".").collect(Collectors.joining("\n"));
            String tooLong = "Walk.\n" + "b".repeat(201);
            HttpResponse<String> refused = editor.post("/admin/articles/", articleForm(editor, eleven, tooLong));

            assertThat(refused.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst("#keyPoints-error").text())
                    .isEqualTo("Key points: Give at most 10 key points (there are 11): a handout has room for the few that matter most.");
            assertThat(page.selectFirst("#actions-error").text())
                    .isEqualTo("What you can do: Action 2 is 201 characters long: keep each action to 200 characters, a short sentence.");
            assertThat(page.selectFirst("textarea#keyPoints").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.selectFirst("textarea#keyPoints").attr("aria-describedby")).contains("keyPoints-error");
            assertThat(page.selectFirst("textarea#keyPoints").wholeText()).isEqualTo(eleven);
            assertThat(page.selectFirst("textarea#actions").wholeText()).isEqualTo(tooLong);
            assertThat(page.select(".form-error a[href=#keyPoints]")).hasSize(1);
            assertThat(server.site().articleWriter.bySlug("knee-pain")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aWordPressImportLeavesThemEmpty(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            Path export = Path.of(KeyPointsTest.class.getResource("/wordpress/export.xml").toURI());
            var report = server.site().wordpress.importFile(export, export.resolveSibling("uploads"), false,
                    org.vertebra.trust.ImportDisclosure.defaultTo("None."), org.vertebra.wordpress.WordPressImporter.Progress.none());
            assertThat(report.failures()).isEmpty();
            var jdbi = server.site().database.jdbi();
            int articles = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one());
            int withPoints = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM articles WHERE key_points_json IS NOT NULL OR actions_json IS NOT NULL").mapTo(Integer.class).one());
            assertThat(articles).isGreaterThan(10);
            assertThat(withPoints).isZero();
        }
    }

    private WebClient signedIn(TestServer server) {
        server.site().accounts.addUser("editor@example.org", "Eve Editor", AccountRole.EDITOR, PASSWORD);
        return new WebClient(server).signIn("editor@example.org", PASSWORD);
    }

    private static Map<String, String> articleForm(WebClient client, String keyPoints, String actions) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", "Knee pain");
        form.put("slug", "knee-pain");
        form.put("summary", "A short summary.");
        form.put("markdown", "Rest helps most knee pain.\n\n## Moving\n\nKeep walking.");
        form.put("disclosure", "None.");
        form.put("zone", "UTC");
        form.put("keyPoints", keyPoints);
        form.put("actions", actions);
        form.put("intent", "publish");
        return form;
    }

    private static Map<String, String> formValues(Document page) {
        Map<String, String> form = new HashMap<>();
        page.selectFirst("form.editor-form").select("input[name]:not([type=checkbox]), input[type=checkbox][checked], select[name], textarea[name]")
                .forEach(field -> form.put(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText()
                        : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val()));
        form.put("intent", "save");
        return form;
    }

    private static JsonNode medicalWebPage(Document page) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : page.select("script[type=application/ld+json]")) {
            JSON.readTree(script.data()).path("@graph").forEach(node -> {
                if (node.path("@type").asText().equals("MedicalWebPage")) {
                    found.add(node);
                }
            });
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
