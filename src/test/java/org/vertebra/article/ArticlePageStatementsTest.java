package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.comment.CommentService;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * An article page that is not in the page cache is built from one read model: however much the
 * page shows (author, image, categories, tags, references, related cards with images,
 * translations, comments), its render runs a handful of statements, not one per part or per card.
 */
class ArticlePageStatementsTest {

    /*
     * Issue 19's limit: the article; its references, categories, tags, translations, search
     * appearance and related cards; its comments with the cards' comment counts; the authors; the
     * images. What every page shows alike (the trust policy, the policy page's address, the days
     * comments stay open) is read once per content generation.
     */
    static final int BUDGET = 5;
    static final String ARTICLE = "/sciatica-and-disc-herniation/";
    static final String OTHER_ARTICLE = "/ankle-sprain-first-days/";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCacheMissOfAFullArticlePageRunsAFewStatementsNotOnePerPartOrCard(TestDatabase database) throws Exception {
        try (TestServer server = TestServer.withDemo(database, Files.createDirectories(temp.resolve("site")))) {
            Article article = server.site().articleWriter.bySlug(ARTICLE.replace("/", "")).orElseThrow();
            addTranslationAndComment(server, article);
            Document warm = server.page(ARTICLE);
            assertFullPage(warm);

            // A change empties the page cache; another article's render then fills what is cached
            // per content generation (the frame's menus and identity), as on a busy site.
            server.site().changes.bump();
            server.server().refreshCache();
            server.page(OTHER_ARTICLE);
            List<String> statements = statementsOf(server, () -> server.page(ARTICLE));

            assertThat(statements).as("the page was rendered, not served from the cache")
                    .anyMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("from articles"));

            assertThat(statements.size())
                    .as("statements of one cache miss:%n%s", String.join("\n", statements))
                    .isLessThanOrEqualTo(BUDGET);
        }
    }

    private void addTranslationAndComment(TestServer server, Article article) {
        Path folder = temp.resolve("md");
        MarkdownFiles.write(folder, "ciatica.md", MarkdownFiles.article("ciatica", "Ciática", "La ciática suele mejorar.")
                .replace("summary: \"A test article.\"", "summary: \"Un artículo.\"\ndisclosure: \"Ninguna.\"\nlang: es\n"
                        + "translation_of: " + article.slug()));
        var report = server.site().importer.importPaths(List.of(folder), false);
        assertThat(report.problems()).isEmpty();
        server.site().comments.importComment(new CommentService.Imported(article.id(), null, "Ana", "ana@example.org",
                "Thank you, this helped.", true, null, Instant.parse("2026-01-01T10:00:00Z")));
        server.server().refreshCache();
    }

    private static void assertFullPage(Document page) {
        assertThat(page.select("article img, main img")).as("the article's image").isNotEmpty();
        assertThat(page.select("a[href^=/category/]")).as("categories").isNotEmpty();
        assertThat(page.select("a[hreflang=es], a[lang=es]")).as("the Spanish translation").isNotEmpty();
        assertThat(page.text()).contains("Thank you, this helped.").contains("Dr Daniel Okafor");
    }

    /** The SQL the server's request threads run while {@code request} runs; background jobs' are left out. */
    private static List<String> statementsOf(TestServer server, ThrowingRunnable request) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        SqlStatements config = server.site().database.jdbi().getConfig(SqlStatements.class);
        SqlLogger before = config.getSqlLogger();
        config.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                String thread = Thread.currentThread().getName();
                if (thread.startsWith("jetty")) {
                    seen.add(thread + ": " + context.getRenderedSql().strip().replaceAll("\\s+", " "));
                }
            }
        });
        try {
            request.run();
        } finally {
            config.setSqlLogger(before);
        }
        return List.copyOf(seen);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
