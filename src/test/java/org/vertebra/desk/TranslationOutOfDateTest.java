package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TranslatedArticles;
import org.vertebra.support.WebClient;

/**
 * The desk shows each article's language and, for an original, its translations; a translation
 * whose text last changed before its original's last medical review is marked "translation out
 * of date" in the list, in the editor and on the evidence report and its CSV, until it is
 * brought up to date (a later Updated date).
 */
class TranslationOutOfDateTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTranslationOlderThanItsOriginalsReviewIsMarkedOutOfDateUntilItIsUpdated(TestDatabase database) throws Exception {
        try (TestServer server = TestServer.empty(database, Files.createDirectories(temp.resolve("site")),
                TestClock.at("2026-03-02T09:00:00Z"))) {
            TranslatedArticles.importInto(server, temp.resolve("md"));
            WebClient editor = new Desk(server, "translations").client(AccountRole.EDITOR);
            long english = server.site().articleWriter.bySlug("back-pain").orElseThrow().id();
            long spanish = server.site().articleWriter.bySlug("dolor-de-espalda").orElseThrow().id();

            // Before any review nothing is out of date; the list shows languages and the group.
            Document list = editor.page("/admin/articles/");
            assertThat(row(list, "Dolor de espalda").selectFirst(".desk-language").text())
                    .startsWith("Spanish").contains("Translation of Back pain").doesNotContain("out of date");
            assertThat(row(list, "Back pain").selectFirst(".desk-language").text())
                    .startsWith("English").contains("Translations:", "Spanish", "Hindi", "French").doesNotContain("out of date");
            assertThat(row(list, "Knee pain").selectFirst(".desk-language").text()).isEqualTo("English");

            // The original is medically reviewed after its translations were written.
            reimport(server, "back-pain", "Back pain", "Back pain usually gets better within a few weeks; keep moving.",
                    "reviewed_by: Dr John Roe\nreviewed_on: 2026-03-01");
            list = editor.page("/admin/articles/");
            assertThat(row(list, "Dolor de espalda").select(".badge.warning").eachText()).containsExactly("translation out of date");
            assertThat(row(list, "कमर दर्द").select(".badge.warning").eachText()).containsExactly("translation out of date");
            assertThat(row(list, "Back pain").selectFirst(".desk-language").text())
                    .contains("Spanish translation out of date", "Hindi translation out of date");
            assertThat(row(list, "Knee pain").select(".badge.warning")).isEmpty();

            Document edit = editor.page("/admin/articles/" + spanish + "/edit/");
            assertThat(edit.select(".badge.warning").eachText()).contains("translation out of date");
            Document originalEdit = editor.page("/admin/articles/" + english + "/edit/");
            assertThat(originalEdit.selectFirst("a[lang=es]").parent().select(".badge.warning")).isNotEmpty();

            Document report = editor.page("/admin/articles/evidence/?sort=title");
            Element spanishLine = report.select("tbody tr").stream()
                    .filter(r -> r.selectFirst("th a").text().equals("Dolor de espalda")).findFirst().orElseThrow();
            assertThat(spanishLine.text()).contains("translation out of date", "translation of Back pain",
                    "original reviewed 2026-03-01");
            List<String> csv = Arrays.asList(editor.get("/admin/articles/evidence.csv?sort=title").body().split("\r\n"));
            assertThat(csv.get(0)).endsWith(",translation");
            assertThat(csv).anySatisfy(line -> assertThat(line).startsWith(spanish + ",")
                    .endsWith(",translation of Back pain; out of date (original reviewed 2026-03-01)"));
            assertThat(csv).anySatisfy(line -> assertThat(line).startsWith(english + ",")
                    .contains("Spanish (es, out of date)", "Hindi (hi, out of date)"));

            // Brought in line with the reviewed original: its Updated date follows the review.
            reimport(server, "dolor-de-espalda", "Dolor de espalda", "El dolor de espalda suele mejorar; siga moviéndose.",
                    "lang: es\ntranslation_of: back-pain\nupdated: 2026-03-02");
            list = editor.page("/admin/articles/");
            assertThat(row(list, "Dolor de espalda").select(".badge.warning")).isEmpty();
            assertThat(row(list, "कमर दर्द").select(".badge.warning")).hasSize(1);
        }
    }

    private void reimport(TestServer server, String slug, String title, String body, String fields) {
        Path folder = temp.resolve("again-" + System.nanoTime());
        MarkdownFiles.write(folder, slug + ".md", MarkdownFiles.article(slug, title, body)
                .replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\"\n" + fields));
        assertThat(server.site().importer.importPaths(List.of(folder), false).problems()).isEmpty();
        server.server().refreshCache();
    }

    private static Element row(Document list, String title) {
        return list.select("table.desk tbody tr").stream()
                .filter(r -> r.selectFirst("a.desk-title").text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + title + " in " + list.select("a.desk-title").eachText()));
    }
}
