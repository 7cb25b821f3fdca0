package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TestSite;

/** Two servers on one PostgreSQL: a redirect made on one answers on the other once the content counter moves. */
class RedirectsOnTwoNodesTest {

    @TempDir
    Path folder;

    /** Every node of a site has the same health data key; the second node's folder gets the first's. */
    private static Path sameConsultKey(Path first, Path second) {
        try {
            Files.createDirectories(second.resolve("data"));
            Files.copy(first.resolve("data/consult.key"), second.resolve("data/consult.key"));
            return second;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRedirectAddedChangedOrDeletedOnOneNodeIsAnsweredSoOnTheOther() {
        TestDatabase.Created database = TestDatabase.POSTGRES.create(folder);
        TestDatabase.Created shared = new TestDatabase.Created(database.url(), database.user(), database.password(), () -> {
        }); // the first node drops it
        try (TestServer a = TestServer.serving(TestSite.openOn(database, folder.resolve("a"), Clock.systemUTC()));
             TestServer b = TestServer.serving(TestSite.openOn(shared, sameConsultKey(folder.resolve("a"), folder.resolve("b")),
                     Clock.systemUTC()))) {
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
