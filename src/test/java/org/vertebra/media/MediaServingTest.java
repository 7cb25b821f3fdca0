package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** /media/... from the folder on SQLite and from the database on PostgreSQL, with caching headers. */
class MediaServingTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void servesAnUploadWithItsTypeAnETagAndA304WhenUnchanged(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            byte[] png = TestImages.png(800, 500);
            MediaItem item = server.site().media.upload(new MediaUpload("knee.png", png, "A knee"));

            HttpResponse<byte[]> first = get(server, item.url(), null);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=604800");
            assertThat(first.body()).isEqualTo(server.site().media.file(item.path()).orElseThrow());
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> again = get(server, item.url(), etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(get(server, item.url(), "\"older\", W/" + etag).statusCode()).as("a list, compared weakly").isEqualTo(304);

            String variant = item.variants().get(0).path();
            assertThat(get(server, "/media/" + variant, null).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsUploadsInTheDatabaseOnPostgresAndInTheFolderOnSqlite(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            MediaItem item = server.site().media.upload(new MediaUpload("knee.png", TestImages.png(200, 100), "A knee"));

            int rows = server.site().database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM media_files WHERE path = :path").bind("path", item.path()).mapTo(Integer.class).one());
            boolean inFolder = Files.exists(server.site().settings.mediaDir().resolve(item.path()));
            if (kind == TestDatabase.POSTGRES) {
                assertThat(rows).isEqualTo(1);
                assertThat(inFolder).isFalse();
            } else {
                assertThat(rows).isZero();
                assertThat(inFolder).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void answersNotFoundForMissingFilesAndPathsThatLeaveTheLibrary(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            assertThat(get(server, "/media/2026/06/nothing.png", null).statusCode()).isEqualTo(404);
            assertThat(get(server, "/media/%2e%2e/vertebra.properties", null).statusCode()).isEqualTo(404);
            assertThat(get(server, "/media/2026/06/..%2F..%2Fvertebra.properties", null).statusCode()).isIn(400, 404);
        }
    }

    private HttpResponse<byte[]> get(TestServer server, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
