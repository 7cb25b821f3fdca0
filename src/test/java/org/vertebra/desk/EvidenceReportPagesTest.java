package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;
import org.vertebra.importer.LargeMarkdownSite;
import org.vertebra.support.Desk;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;
import org.vertebra.trust.ImportDisclosure;

/**
 * The evidence report in pages of 50, in each of its orders, from the figures worked out once per
 * change (EvidenceFigures): every article on exactly one page, in order across pages; an article
 * changed or trashed since is shown as it is now; the CSV holds every line.
 */
class EvidenceReportPagesTest {

    private static final String REPORT = "/admin/articles/evidence/";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReportPagesThroughEveryArticleInEachOrderAndFollowsChanges(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, Clock.systemUTC())) {
            LargeMarkdownSite.write(folder.resolve("md"), 120, 1);
            assertThat(server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            WebClient editor = new Desk(server, "report").client(AccountRole.EDITOR);

            Document first = editor.page(REPORT + "?sort=title");
            assertThat(first.selectFirst("caption").text()).startsWith("120 articles, page 1 of 3");
            assertThat(first.select("table.evidence-report tbody tr")).hasSize(50);
            assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo(REPORT + "?sort=title&page=2");
            List<String> titles = titles(editor, "?sort=title", 3);
            assertThat(titles).hasSize(120).doesNotHaveDuplicates()
                    .isSortedAccordingTo(Comparator.comparing(t -> t.toLowerCase(Locale.ROOT)));
            List<String> byGrade = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                editor.page(REPORT + "?sort=grade&dir=desc&page=" + page).select("table.evidence-report tbody tr td:nth-of-type(1)")
                        .forEach(td -> byGrade.add(td.text()));
            }
            assertThat(byGrade).hasSize(120).extracting(Double::parseDouble).isSortedAccordingTo(Comparator.reverseOrder());

            ArticleWriter articles = server.site().articleWriter;
            var trashed = server.site().articles.published(LargeMarkdownSite.slug(7)).orElseThrow();
            articles.trash(trashed.id());
            assertThat(titles(editor, "?sort=title", 3)).hasSize(119).doesNotContain(trashed.title());
            String[] csv = editor.get("/admin/articles/evidence.csv").body().split("\r\n");
            assertThat(csv).hasSize(1 + 119);
            assertThat(csv[0]).isEqualTo(EvidenceOverviewRoutes.CSV_HEADER);

            // Reviewed now: the review column shows the new date at once (the line's figures are worked out again).
            var reviewed = server.site().articles.published(LargeMarkdownSite.slug(5)).orElseThrow(); // never reviewed
            Document before = editor.page(REPORT + "?sort=review");
            assertThat(before.select("tbody tr th a").eachText()).contains(reviewed.title());
            articles.signOff(reviewed.id(), desk(server).id(), "Dr Reviewer", null);
            assertThat(editor.page(REPORT + "?sort=review").select("tbody tr th a").eachText())
                    .as("never reviewed comes first; reviewed today, last").doesNotContain(reviewed.title());
            assertThat(editor.page(REPORT + "?sort=review&page=3").select("tbody tr").last().text()).contains(reviewed.title());
        }
    }

    /**
     * The CSV reads the articles without their text and takes what the text gives from the stored
     * figures; where those are not current (here: figures from before V35, with no PEMAT judgements)
     * the article is read whole and its line is the same as from current figures.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCsvLineWithoutCurrentFiguresIsWorkedOutFromTheWholeText(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, Clock.systemUTC())) {
            LargeMarkdownSite.write(folder.resolve("md"), 8, 2);
            assertThat(server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            WebClient editor = new Desk(server, "csv").client(AccountRole.EDITOR);
            List<String> current = List.of(editor.get("/admin/articles/evidence.csv").body().split("\r\n"));
            assertThat(current).hasSize(1 + 8);
            String[] cells = current.get(1).split(","); // the generated titles have no comma
            assertThat(cells[3]).as("reading grade, from the text: %s", current.get(1)).isNotEmpty();
            assertThat(cells[10]).as("PEMAT understandability, from the text: %s", current.get(1)).isNotEmpty();

            server.site().database.jdbi().useHandle(h -> h.createUpdate("UPDATE evidence_figures SET pemat_text = NULL").execute());

            assertThat(List.of(editor.get("/admin/articles/evidence.csv").body().split("\r\n"))).isEqualTo(current);
        }
    }

    /**
     * A disclosure has no length limit: one of 12,000 random characters is stored and counts on the
     * report on both databases. (SQLite's articles_report_line holds disclosures whole; on
     * PostgreSQL, whose index entries may not exceed a third of a page, V38 makes no such index.)
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anArticleWithAVeryLongDisclosureIsStoredAndMeetsTheBenchmarkOnTheCsv(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, folder, Clock.systemUTC())) {
            LargeMarkdownSite.write(folder.resolve("md"), 2, 1);
            java.util.SplittableRandom random = new java.util.SplittableRandom(7);
            StringBuilder disclosure = new StringBuilder();
            while (disclosure.length() < 12_000) {
                disclosure.append((char) ('a' + random.nextInt(26)));
            }
            Path first = folder.resolve("md/part-000/article-000001.md");
            java.nio.file.Files.writeString(first, java.nio.file.Files.readString(first).replaceFirst("(?m)^disclosure: .*$",
                    "disclosure: \"" + disclosure + "\""));
            assertThat(server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            String stored = server.site().database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT disclosure FROM articles WHERE slug = :slug").bind("slug", LargeMarkdownSite.slug(1))
                    .mapTo(String.class).one());
            assertThat(stored).isEqualTo(disclosure.toString());

            WebClient editor = new Desk(server, "disclosure").client(AccountRole.EDITOR);
            List<String> csv = List.of(editor.get("/admin/articles/evidence.csv").body().split("\r\n"));
            assertThat(csv).hasSize(1 + 2);
            assertThat(csv.subList(1, 3)).allSatisfy(line -> assertThat(line.split(",")[8]).doesNotContain("disclosure"));
        }
    }

    private static org.vertebra.access.User desk(TestServer server) {
        return new Desk(server, "reviewer").user(AccountRole.REVIEWER);
    }

    /** The titles on the report's pages in this order, page after page. */
    private static List<String> titles(WebClient editor, String order, int pages) {
        List<String> titles = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            titles.addAll(editor.page(REPORT + order + "&page=" + page).select("table.evidence-report tbody tr th a").eachText());
        }
        return titles;
    }
}
