package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.article.Shelf;
import org.vertebra.comment.CommentService;
import org.vertebra.importer.LargeMarkdownSite;
import org.vertebra.support.Desk;
import org.vertebra.support.QueryPlans;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;
import org.vertebra.trust.ImportDisclosure;

/**
 * Every list a reader or an editor pages through is served by an index, on both databases: the
 * pages are asked for over HTTP as a browser would, every SELECT they run is explained by the
 * database with the values bound (see {@link QueryPlans}), and a plan that reads a growing table
 * from end to end, or (SQLite) sorts a list itself instead of reading it in order, fails. The SQL
 * is the repositories' own; nothing here repeats it. At 100,000 articles such a plan is what
 * turns a page of a few milliseconds into one of half a second.
 */
class ListQueriesUseIndexesTest {

    /**
     * Tables whose size is the site's configuration, not its content: a handful of rows however
     * many articles there are, read whole on purpose (a menu, the settings).
     */
    private static final Set<String> SMALL_TABLES = Set.of("site_settings", "menu_items", "menus", "site_state",
            "consent_settings", "trust_settings", "categories", "flyway_schema_history", "redirects", "users",
            "consult_doctors", "comment_settings",
            // the cookies and scripts an administrator declared on the consent settings page
            "consent_entries", "consent_scripts",
            // the desk's author filter offers every byline: a clinic has a handful (12 at 100,000 articles)
            "authors");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyListAReaderOrAnEditorPagesThroughReadsAnIndex(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, java.time.Clock.systemUTC())) {
            LargeMarkdownSite.write(folder.resolve("md"), 120, 1);
            var report = server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop());
            assertThat(report.problems()).isEmpty();
            // Twelve Spanish translations (issue 23): the site's lists now leave them out, and /es/ lists them.
            for (int i = 1; i <= 12; i++) {
                org.vertebra.support.MarkdownFiles.write(folder.resolve("es"), "es-" + i + ".md", org.vertebra.support.MarkdownFiles
                        .article("articulo-" + i, "Artículo " + i, "Texto en español.")
                        .replace("categories: [Spine, Pain]", "categories: [Spine]")
                        .replace("summary: \"A test article.\"", "summary: \"Un artículo.\"\ndisclosure: \"Ninguna.\"\nlang: es\ntranslation_of: "
                                + LargeMarkdownSite.slug(i)));
            }
            assertThat(server.site().importer.importPaths(List.of(folder.resolve("es")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            // The import reaches the search index in the background; until it does, related articles
            // come from the shared-tags query, which ranks every candidate (it is the index's stand-in).
            server.server().refreshCache();
            long article = server.site().articles.published(LargeMarkdownSite.slug(2)).orElseThrow().id();
            for (int i = 0; i < 3; i++) {
                server.site().comments.importComment(new CommentService.Imported(article, null, "Reader " + i,
                        "reader" + i + "@example.org", "A comment.", i != 0, null, Instant.now()));
            }
            Desk desk = new Desk(server, "plans");
            WebClient editor = desk.client(AccountRole.EDITOR);
            WebClient admin = desk.client(AccountRole.ADMIN);
            QueryPlans plans = QueryPlans.installOn(server.site().database.jdbi(), kind == TestDatabase.POSTGRES);
            plans.record();
            // What follows a content change (each feature's refresh, the sitemap rendered ahead) runs
            // inside the recording, every time, not only when the poller happens to fire in it: the
            // change is told now, and /sitemap.xml, asked below, is then either rendered for the new
            // version by the request or was rendered in the background since, both recorded.
            server.site().changes.bump();
            server.server().refreshCache();

            for (String path : readerPages()) {
                assertThat(server.get(path).statusCode()).as(path).isEqualTo(200);
            }
            for (String path : editorPages()) {
                assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
            }
            // what the trust settings ask before a lower grade limit is set
            server.site().articles.countPublishedAboveGrade(8);
            assertThat(admin.get("/admin/comments/").statusCode()).isEqualTo(200);
            assertThat(admin.get("/admin/comments/?status=approved").statusCode()).isEqualTo(200);

            List<String> failures = new ArrayList<>();
            for (QueryPlans.Plan plan : plans.plans()) {
                List<String> scanned = plans.fullScans(plan).stream().filter(t -> !SMALL_TABLES.contains(t)).toList();
                if (!scanned.isEmpty()) {
                    failures.add("reads " + scanned + " without an index: " + plan);
                }
                if (plans.sortsAWholeListForAPage(plan)) {
                    failures.add("sorts the whole list for a page: " + plan);
                }
            }
            assertThat(plans.plans()).as("the pages ran their queries through the recorder").hasSizeGreaterThan(10);
            assertThat(failures).as("list queries without an index").isEmpty();
        }
    }

    private static List<String> readerPages() {
        return List.of("/", "/page/2/", "/category/spine/", "/category/spine/page/3/", "/tag/demo-tag-1/",
                "/author/dana-demo/", "/" + LargeMarkdownSite.slug(2) + "/", "/feed/",
                "/feed/atom/", "/category/spine/feed/", "/sitemap.xml", "/robots.txt",
                // a language's lists (issue 23)
                "/es/", "/es/page/2/", "/es/category/spine/", "/es/category/spine/page/2/", "/es/feed/", "/articulo-3/");
    }

    private static List<String> editorPages() {
        List<String> pages = new ArrayList<>();
        for (Shelf shelf : Shelf.values()) {
            pages.add("/admin/articles/?shelf=" + shelf.key());
            pages.add("/admin/articles/?shelf=" + shelf.key() + "&page=2");
            pages.add("/admin/articles/?shelf=" + shelf.key() + "&mine=1");
        }
        // the desk's list searched, filtered and sorted (issue 20): each order, each filter, together,
        // from a line of the list (the next page's seek) and by page number
        for (String sort : List.of("changed", "published", "title", "grade")) {
            pages.add("/admin/articles/?sort=" + sort);
            pages.add("/admin/articles/?sort=" + sort + "&after=5");
            pages.add("/admin/articles/?sort=" + sort + "&before=5");
            pages.add("/admin/articles/?sort=" + sort + "&q=demo&shelf=published&category=1&author=1&missed=any&mine=1");
            pages.add("/admin/articles/?sort=" + sort + "&shelf=drafts&missed=currency&after=5");
            pages.add("/admin/articles/?sort=" + sort + "&shelf=review-due&q=article&page=2");
        }
        pages.add("/admin/articles/?shelf=trash&q=x&author=2");
        pages.add("/admin/articles/?shelf=scheduled&category=2&missed=disclosure");
        for (String sort : List.of("title", "grade", "references", "unmatched", "flagged", "missed", "review")) {
            pages.add("/admin/articles/evidence/?sort=" + sort + "&page=2");
            pages.add("/admin/articles/evidence/?sort=" + sort + "&dir=desc");
        }
        pages.add("/admin/articles/evidence/");
        pages.add("/admin/articles/evidence.csv");
        pages.add("/admin/");
        return pages;
    }
}
