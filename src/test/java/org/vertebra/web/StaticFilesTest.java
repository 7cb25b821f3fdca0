package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** The site's CSS, scripts and icons: copied out of the classpath at start and served from there. */
class StaticFilesTest {

    @TempDir
    Path temp;

    @Test
    void theStaticFolderIsCopiedOutWholeAndRemovedAgain() {
        Path copy = ClasspathFolder.copyOut("/static", "/static/css/site.css", "vertebra-static-test");

        assertThat(copy.resolve("css/site.css")).isRegularFile();
        assertThat(copy.resolve("js/site.js")).isRegularFile();
        assertThat(copy.resolve("img/favicon.svg")).isRegularFile();
        ClasspathFolder.delete(copy);
        assertThat(copy).doesNotExist();
    }

    @Test
    void aMarkerOutsideTheFolderIsRefused() {
        assertThatThrownBy(() -> ClasspathFolder.copyOut("/static", "/demo/authors.yaml", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staticFilesAreServedWithTheirTypeAndADaysCacheAndNothingBesideThem() throws IOException {
        try (TestServer server = TestServer.empty(TestDatabase.SQLITE, Files.createDirectories(temp.resolve("site")),
                Clock.systemUTC())) {
            HttpResponse<String> css = server.get("/static/css/site.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            assertThat(css.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
            assertThat(css.body()).isEqualTo(new String(getClass().getResourceAsStream("/static/css/site.css").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(server.get("/static/js/nothing-here.js").statusCode()).isEqualTo(404);
            assertThat(server.get("/static/../vertebra.properties").body()).doesNotContain("VERTEBRA");
        }
    }
}
