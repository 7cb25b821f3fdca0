package org.vertebra.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.Site;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** Pages are cached, and a change made by another process shows within a second. */
class PageCacheTest {

    @TempDir
    Path temp;

    @Test
    void importByAnotherProcessShowsOnRunningServerWithinASecond() throws InterruptedException {
        try (TestServer server = TestServer.withDemo(TestDatabase.SQLITE, temp)) {
            assertThat(server.page("/").select("main .card-title a").eachAttr("href")).doesNotContain("/fresh-article/");
            Path file = MarkdownFiles.write(temp, "fresh.md", MarkdownFiles.article("fresh-article", "Fresh", "Text.")
                    .replace("published: 2024-02-01", "published: 2026-01-01"));
            // A second Site on the same database file stands for "vertebra import" run beside the server.
            try (Site other = Site.open(server.site().settings, Clock.systemUTC())) {
                other.importer.importPaths(List.of(file), false);
            }

            long deadline = System.currentTimeMillis() + 1_000;
            boolean shown = false;
            while (!shown && System.currentTimeMillis() < deadline) {
                shown = server.page("/").select("main .card-title a").eachAttr("href").contains("/fresh-article/");
                Thread.sleep(50);
            }
            assertThat(shown).as("new article on the home page within a second").isTrue();
        }
    }
}
