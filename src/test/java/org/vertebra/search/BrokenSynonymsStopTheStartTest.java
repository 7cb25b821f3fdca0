package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.WebServer;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * The index opens beside the rest of the start, but a mistake in the site's synonyms still stops
 * the server before it listens, naming the file, rather than failing the first search.
 */
class BrokenSynonymsStopTheStartTest {

    @TempDir
    Path temp;

    @Test
    void aServerWithABrokenSynonymsFileDoesNotStart() throws IOException {
        try (TestSite test = TestSite.open(TestDatabase.SQLITE, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            Path synonyms = Files.writeString(test.site().settings.dataDir().resolve("synonyms.txt"), "knee => \n?!, kneecap\n");
            WebServer server = new WebServer(test.site());

            assertThatThrownBy(server::start).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(synonyms.toString());
            server.close();
        }
    }
}
