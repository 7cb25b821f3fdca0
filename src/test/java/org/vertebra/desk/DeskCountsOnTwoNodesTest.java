package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.importer.LargeMarkdownSite;
import org.vertebra.support.Desk;
import org.vertebra.support.TestServer;
import org.vertebra.support.TwoNodes;
import org.vertebra.support.WebClient;
import org.vertebra.trust.ImportDisclosure;

/**
 * Two servers on one PostgreSQL: the counts each keeps per version of the articles (the desk's
 * shelves, the evidence report's lines) follow a change made on the other.
 */
class DeskCountsOnTwoNodesTest {

    @TempDir
    Path folder;

    @Test
    void aShelfCountAndTheReportCountFollowATrashOnTheOtherNode() {
        try (TwoNodes nodes = TwoNodes.onPostgres(folder)) {
            TestServer a = nodes.a();
            TestServer b = nodes.b();
            a.site().initialize(false);
            LargeMarkdownSite.write(folder.resolve("md"), 60, 1);
            assertThat(a.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            b.server().refreshCache();
            WebClient onB = new Desk(b, "b").client(AccountRole.EDITOR);
            assertThat(caption(onB, "/admin/articles/?shelf=published&page=2")).startsWith("60 match: published");
            assertThat(caption(onB, "/admin/articles/?page=2")).startsWith("60 match: everything");
            assertThat(caption(onB, "/admin/articles/evidence/?page=2")).startsWith("60 articles");

            long gone = a.site().articles.published(LargeMarkdownSite.slug(3)).orElseThrow().id();
            a.site().articleWriter.trash(gone);
            // the shelves' counts read the content counter on each request: no notification needed
            assertThat(caption(onB, "/admin/articles/?shelf=published&page=2")).startsWith("59 match: published");
            assertThat(caption(onB, "/admin/articles/?page=2")).startsWith("59 match: everything");
            b.server().refreshCache(); // what its watcher does within half a second, or at once on a notification
            assertThat(caption(onB, "/admin/articles/evidence/?page=2")).startsWith("59 articles");
        }
    }

    private static String caption(WebClient client, String path) {
        return client.page(path).selectFirst("caption").text();
    }

}
