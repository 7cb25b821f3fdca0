package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.Site;
import org.vertebra.app.WebServer;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * Two sites on one PostgreSQL, as two nodes behind a load balancer: an image deleted through one
 * stops being served by the other, though the other held it in memory, because the deletion moves
 * the content counter that every node listens to.
 */
class MediaDeletionOnTwoNodesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void anImageDeletedOnOneNodeAnswers404OnTheOtherThatHadItInMemory() throws Exception {
        TestDatabase.Created database = TestDatabase.POSTGRES.create(folder);
        // Every node of a site holds the same consultation key.
        var settingsA = TestSite.settings(database, folder.resolve("a"));
        var settingsB = TestSite.settings(database, folder.resolve("b"));
        java.nio.file.Files.createDirectories(settingsA.dataDir());
        java.nio.file.Files.createDirectories(settingsB.dataDir());
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        java.nio.file.Files.writeString(settingsA.dataDir().resolve("consult.key"), key);
        java.nio.file.Files.writeString(settingsB.dataDir().resolve("consult.key"), key);
        try (Site siteA = Site.open(settingsA, Clock.systemUTC());
             Site siteB = Site.open(settingsB, Clock.systemUTC());
             WebServer a = new WebServer(siteA).start();
             WebServer b = new WebServer(siteB).start()) {
            MediaItem item = siteA.media.upload(new MediaUpload("shoulder.jpg", TestImages.jpeg(900, 600), "A shoulder"));
            assertThat(status(b, item.url())).isEqualTo(200);
            assertThat(status(b, item.url())).as("now from b's memory").isEqualTo(200);

            siteA.mediaRemoval.delete(item.id(), false);
            assertThat(status(a, item.url())).isEqualTo(404);

            Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
            while (status(b, item.url()) != 404 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(50);
            }
            assertThat(status(b, item.url())).as("b heard of the deletion").isEqualTo(404);
            assertThat(status(b, item.variants().get(0).url())).isEqualTo(404);
        } finally {
            database.drop().run();
        }
    }

    private static int status(WebServer server, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
