package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.importer.LargeMarkdownSite;
import org.vertebra.support.Desk;
import org.vertebra.support.QueryPlans;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;
import org.vertebra.trust.ImportDisclosure;

/**
 * The desk's list and the evidence report far down, as 460 imported articles let a test reach
 * them: a page asked for by its number (sought from a mark kept every 200 lines) shows what
 * following "Next" from the first page shows, in each order; the counts and the pages follow a
 * change. On both databases.
 */
class DeskDeepPagesTest {

    private static final int ARTICLES = 460;
    private static final String LIST = "/admin/articles/";
    private static final String REPORT = "/admin/articles/evidence/";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeskPageByNumberShowsWhatFollowingNextShowsAndFollowsAChange(TestDatabase kind) {
        try (TestServer server = imported(kind)) {
            WebClient editor = new Desk(server, "deep").client(AccountRole.EDITOR);
            for (String list : List.of("?sort=changed", "?sort=title", "?sort=published", "?shelf=published&sort=grade",
                    "?shelf=review-due")) {
                List<List<String>> pages = followingNext(editor, LIST + list);
                if (!list.contains("shelf")) {
                    assertThat(pages).as(list).hasSize(19); // 25 a page
                    assertThat(pages.stream().mapToInt(List::size).sum()).as(list).isEqualTo(ARTICLES);
                }
                assertThat(pages.size()).as(list + ": far enough down to pass a mark").isGreaterThan(9);
                for (int number : new int[] {1, 2, 8, 9, 16, 17, pages.size()}) {
                    if (number <= pages.size()) {
                        assertThat(titles(editor.page(LIST + list + "&page=" + number))).as(list + ", page " + number)
                                .isEqualTo(pages.get(number - 1));
                    }
                }
            }
            int published = count(editor.page(LIST + "?shelf=published&page=17"));
            int due = waitingForReview(editor);

            // three articles due for review go to the trash: every list after them moves up
            List<String> dueTitles = followingNext(editor, LIST + "?shelf=review-due").get(0);
            for (String title : dueTitles.subList(3, 6)) {
                server.site().articleWriter.trash(idOf(server, title));
            }
            for (String list : List.of("?sort=title", "?shelf=review-due", "?shelf=published&sort=grade")) {
                List<List<String>> pages = followingNext(editor, LIST + list);
                for (int number : new int[] {9, 17, pages.size()}) {
                    if (number <= pages.size()) {
                        assertThat(titles(editor.page(LIST + list + "&page=" + number)))
                                .as("after the change: " + list + ", page " + number).isEqualTo(pages.get(number - 1));
                    }
                }
            }
            assertThat(titles(editor.page(LIST + "?sort=title&page=19"))).hasSize(ARTICLES - 3 - 18 * 25);
            assertThat(count(editor.page(LIST + "?shelf=published&page=17"))).isEqualTo(published - 3);
            assertThat(waitingForReview(editor)).as("the admin's count of articles due for review").isEqualTo(due - 3);
        }
    }

    /** The number of lines the list's caption says match ("457 match: published; ..."). */
    private static int count(Document list) {
        return Integer.parseInt(list.selectFirst("table.desk caption").text().replaceAll("^([\\d,]+) match.*$", "$1").replace(",", ""));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEvidencePageByNumberShowsItsPartOfTheCsvInEachOrderAndFollowsAChange(TestDatabase kind) {
        try (TestServer server = imported(kind)) {
            WebClient editor = new Desk(server, "deep").client(AccountRole.EDITOR);
            awaitWorkedOut(editor);
            for (String order : List.of("?sort=title", "?sort=grade&dir=desc", "?sort=review", "?sort=missed&dir=desc")) {
                List<Long> csv = csvIds(editor, order);
                assertThat(csv).as(order).hasSize(ARTICLES).doesNotHaveDuplicates();
                for (int number : new int[] {1, 4, 5, 8, 9, 10}) { // 50 a page: page 5 starts at line 201, after the first mark
                    assertThat(reportIds(editor.page(REPORT + order + "&page=" + number))).as(order + ", page " + number)
                            .isEqualTo(csv.subList((number - 1) * 50, Math.min(ARTICLES, number * 50)));
                }
            }
            List<Long> byTitle = csvIds(editor, "?sort=title");
            assertThat(editor.page(REPORT + "?sort=title&page=9").selectFirst("caption").text())
                    .startsWith(ARTICLES + " articles, page 9 of 10");

            server.site().articleWriter.trash(byTitle.get(10));
            server.site().articleWriter.trash(byTitle.get(250));
            List<Long> after = csvIds(editor, "?sort=title");
            assertThat(after).hasSize(ARTICLES - 2).doesNotContain(byTitle.get(10), byTitle.get(250));
            for (int number : new int[] {5, 6, 10}) {
                assertThat(reportIds(editor.page(REPORT + "?sort=title&page=" + number))).as("after the change, page " + number)
                        .isEqualTo(after.subList((number - 1) * 50, Math.min(after.size(), number * 50)));
            }
            assertThat(editor.page(REPORT + "?sort=title&page=10").selectFirst("caption").text())
                    .startsWith((ARTICLES - 2) + " articles, page 10 of 10");
        }
    }

    /**
     * The new statements of a deep page read an index on both databases (see QueryPlans): a page by
     * number walks to its mark and on inside the order's index, and on SQLite a seek from a line
     * (the marks, the CSV's chunks) starts inside the index at that line rather than counting up to it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deepPagesAndTheCsvReadTheirOrdersIndexesAndSeekInside(TestDatabase kind) {
        try (TestServer server = imported(kind)) {
            WebClient editor = new Desk(server, "plans").client(AccountRole.EDITOR);
            QueryPlans plans = QueryPlans.installOn(server.site().database.jdbi(), kind == TestDatabase.POSTGRES);
            plans.record();
            for (String list : List.of("?sort=changed", "?sort=title", "?sort=published", "?sort=grade",
                    "?shelf=published&sort=grade", "?shelf=review-due", "?shelf=published&sort=title")) {
                assertThat(editor.get(LIST + list + "&page=17").statusCode()).as(list).isEqualTo(200);
            }
            for (String sort : List.of("title", "grade", "references", "unmatched", "flagged", "missed", "review")) {
                for (String dir : List.of("", "&dir=desc")) {
                    assertThat(editor.get(REPORT + "?sort=" + sort + dir + "&page=9").statusCode()).isEqualTo(200);
                    assertThat(editor.get("/admin/articles/evidence.csv?sort=" + sort + dir).statusCode()).isEqualTo(200);
                }
            }
            List<String> failures = new ArrayList<>();
            int seeks = 0;
            for (QueryPlans.Plan plan : plans.plans()) {
                List<String> scanned = plans.fullScans(plan).stream().filter(GROWING_TABLES::contains).toList();
                if (!scanned.isEmpty()) {
                    failures.add("reads " + scanned + " without an index: " + plan);
                }
                if (plans.sortsAWholeListForAPage(plan)) {
                    failures.add("sorts the whole list for a page: " + plan);
                }
                if (plan.sql().contains(", article_id) >") || plan.sql().contains(", article_id) <")
                        || plan.sql().contains(", a.id) >") || plan.sql().contains(", a.id) <")) {
                    seeks++;
                    // SQLite starts at the line's place in the order's index (a range on its leading column, or
                    // on both); PostgreSQL's choice among its indexes follows its statistics of a table this
                    // small, so there only the sequential scan is refused (above)
                    boolean inside = kind == TestDatabase.POSTGRES || plan.lines().stream().map(String::strip)
                            .anyMatch(l -> l.startsWith("SEARCH") && l.matches(".*(<|>)\\(?\\?.*"));
                    if (!inside) {
                        failures.add("counts up to the line it seeks from instead of starting there: " + plan);
                    }
                }
            }
            assertThat(seeks).as("the deep pages and the CSV sought from a line").isGreaterThanOrEqualTo(3);
            assertThat(failures).isEmpty();
        }
    }

    /**
     * On SQLite the CSV reads what a line needs of its article and of its references from indexes
     * alone (V38): each articles row holds its text before those columns, and reading them from the
     * table walks the text's overflow pages; which articles are in a translation group comes from
     * articles_translation_of. A column added to those reads that the indexes lack fails here.
     */
    @org.junit.jupiter.api.Test
    void theCsvReadsItsArticlesAndTheirReferencesFromIndexesAloneOnSqlite() {
        try (TestServer server = imported(TestDatabase.SQLITE)) {
            WebClient editor = new Desk(server, "covering").client(AccountRole.EDITOR);
            awaitWorkedOut(editor);
            QueryPlans plans = QueryPlans.installOn(server.site().database.jdbi(), false);
            plans.record();
            assertThat(csvIds(editor, "")).hasSize(ARTICLES);
            List<String> reads = plans.plans().stream()
                    .filter(p -> p.sql().contains("articles_report_line") || p.sql().contains("article_references_identifiers"))
                    .flatMap(p -> p.lines().stream()).map(String::strip).toList();
            assertThat(reads).contains("SEARCH a USING COVERING INDEX articles_report_line (id=?)",
                    "SEARCH t USING COVERING INDEX articles_translation_of (translation_of=?)",
                    "SEARCH article_references USING COVERING INDEX article_references_identifiers (article_id=?)");
            assertThat(reads).filteredOn(l -> l.startsWith("SEARCH a ") || l.startsWith("SEARCH article_references "))
                    .allSatisfy(l -> assertThat(l).contains("USING COVERING INDEX"));
        }
    }

    /** The tables that grow with the site's articles: a list must never read one from end to end. */
    private static final java.util.Set<String> GROWING_TABLES = java.util.Set.of("articles", "evidence_figures",
            "article_categories", "article_references", "article_tags", "pemat_answers");

    private TestServer imported(TestDatabase kind) {
        TestServer server = TestServer.empty(kind, folder, Clock.systemUTC());
        LargeMarkdownSite.write(folder.resolve("md"), ARTICLES, 1);
        assertThat(server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                .problems()).isEmpty();
        return server;
    }

    /** Every page of the list from its first, following the "Next" link (which seeks from the last line shown). */
    private static List<List<String>> followingNext(WebClient editor, String first) {
        List<List<String>> pages = new ArrayList<>();
        for (String url = first; url != null; ) {
            Document page = editor.page(url);
            pages.add(titles(page));
            var next = page.selectFirst("nav.pagination a[rel=next]");
            url = next == null ? null : next.attr("href");
        }
        return pages;
    }

    private static List<String> titles(Document page) {
        return page.select("table.desk a.desk-title").eachText();
    }

    private static List<Long> reportIds(Document page) {
        return page.select("table.evidence-report tbody tr th a").eachAttr("href").stream()
                .map(href -> Long.parseLong(href.replaceAll("^/admin/articles/(\\d+)/edit/$", "$1"))).toList();
    }

    private static List<Long> csvIds(WebClient editor, String order) {
        return csvLines(editor, order).stream().map(line -> Long.parseLong(line.substring(0, line.indexOf(',')))).toList();
    }

    private static List<String> csvLines(WebClient editor, String order) {
        String[] lines = editor.get("/admin/articles/evidence.csv" + order).body().split("\r\n");
        assertThat(lines[0]).isEqualTo(EvidenceOverviewRoutes.CSV_HEADER);
        return List.of(lines).subList(1, lines.length);
    }

    /**
     * Waits until the background has worked out every imported article's figures: until then the
     * report and its CSV show the articles worked out so far (a large import takes a while), which
     * on a loaded machine can still be a first chunk when the test asks.
     */
    private static void awaitWorkedOut(WebClient editor) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        for (Document report = editor.page(REPORT); !showsEveryArticle(report); report = editor.page(REPORT)) {
            assertThat(report.select("p.notice[role=status]").text()).as("a report of the articles done so far says so")
                    .contains("still being worked out");
            assertThat(System.nanoTime()).as("every article's figures worked out within 120 s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the report counts every imported article (before the first figures are kept it has no table, nor caption). */
    private static boolean showsEveryArticle(Document report) {
        var caption = report.selectFirst("caption");
        return caption != null && caption.text().startsWith(ARTICLES + " articles");
    }

    /** The number in the admin's "N due for medical review" link. */
    private static int waitingForReview(WebClient editor) {
        String link = editor.page("/admin/").select("a[href='/admin/articles/?shelf=review-due']").stream()
                .map(a -> a.text()).filter(t -> t.contains("due for medical review")).findFirst().orElseThrow();
        return Integer.parseInt(link.replaceAll("^(\\d+) due.*$", "$1"));
    }

    private static long idOf(TestServer server, String title) {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE title = :title")
                .bind("title", title).mapTo(Long.class).one());
    }
}
