package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestServer;
import org.vertebra.support.TwoNodes;

/** Two servers on one PostgreSQL: a redirect made on one answers on the other once the content counter moves. */
class RedirectsOnTwoNodesTest {

    @TempDir
    Path folder;


    @Test
    void aRedirectAddedChangedOrDeletedOnOneNodeIsAnsweredSoOnTheOther() {
        try (TwoNodes nodes = TwoNodes.onPostgres(folder)) {
            TestServer a = nodes.a();
            TestServer b = nodes.b();
            a.site().initialize(false);
            assertThat(b.get("/moved-elsewhere/").statusCode()).as("b has read the redirects: none").isEqualTo(404);

            Redirect added = a.site().redirects.add(RedirectChange.parse("/moved-elsewhere/", "/first/", "301", ""), "Ed");
            b.server().refreshCache(); // what its watcher does within half a second, or at once on a notification
            assertThat(b.get("/moved-elsewhere/").headers().firstValue("Location")).contains("/first/");

            a.site().redirects.update(added.id(), RedirectChange.parse("/moved-elsewhere/", "", "410", ""), "Ed");
            b.server().refreshCache();
            assertThat(b.get("/moved-elsewhere/").statusCode()).isEqualTo(410);

            a.site().redirects.delete(added.id());
            b.server().refreshCache();
            assertThat(b.get("/moved-elsewhere/").statusCode()).isEqualTo(404);
        }
    }
}
