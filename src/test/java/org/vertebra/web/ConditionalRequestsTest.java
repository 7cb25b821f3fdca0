package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Validators and 304s on public pages and static files, over HTTP on a running server, for the
 * first (rendered) answer and for those from the page cache alike, on SQLite and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConditionalRequestsTest {

    static final String ARTICLE = "/low-back-pain-when-to-worry/";

    @Parameter
    TestDatabase database;

    private static TestServer server;
    private static Path folder;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        folder = Files.createTempDirectory("vertebra-conditional");
        server = TestServer.withDemo(database, folder);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void theRenderedAnswerAndTheCachedOnesCarryTheSameValidators() {
        String path = "/category/spine/"; // not asked for by another test of this class: the first GET renders it
        HttpResponse<byte[]> rendered = send("GET", path);
        HttpResponse<byte[]> cached = send("GET", path);

        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.headers().firstValue("ETag")).isPresent().isEqualTo(cached.headers().firstValue("ETag"));
        assertThat(rendered.headers().firstValue("Last-Modified")).isPresent()
                .isEqualTo(cached.headers().firstValue("Last-Modified"));
        assertThat(rendered.body()).isEqualTo(cached.body());
        assertThat(cached.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(cached.headers().firstValue("ETag").orElseThrow()).matches("\"[A-Za-z0-9_-]{22}\"");
    }

    @Test
    void answers304WhenTheETagMatches() {
        HttpResponse<byte[]> page = send("GET", ARTICLE);
        String etag = page.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = send("GET", ARTICLE, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(again.headers().firstValue("Last-Modified")).isEqualTo(page.headers().firstValue("Last-Modified"));
        assertThat(again.headers().firstValue("Vary")).contains("Accept-Encoding");
        // RFC 9110 8.6: a 304 names the 200's length or none, never 0
        assertThat(again.headers().firstValue("Content-Length")).hasValueSatisfying(
                length -> assertThat(length).isIn(String.valueOf(page.body().length)));
    }

    @Test
    void ifNoneMatchIsComparedWeaklyAndMayListTagsOrBeAStar() {
        String etag = send("GET", ARTICLE).headers().firstValue("ETag").orElseThrow();

        assertThat(send("GET", ARTICLE, "If-None-Match", "\"other, tag\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(send("GET", ARTICLE, "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(send("GET", ARTICLE, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(send("GET", ARTICLE, "If-None-Match", etag.substring(0, etag.length() - 2) + "\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theGzipFormHasItsOwnETagAndBothSayTheyVaryByAcceptEncoding() throws IOException {
        HttpResponse<byte[]> plain = send("GET", ARTICLE);
        HttpResponse<byte[]> gzip = send("GET", ARTICLE, "Accept-Encoding", "gzip, deflate, br");
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();

        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(plain.body());
        assertThat(gzipTag).isNotEqualTo(plainTag);
        assertThat(plain.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gzip.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(send("GET", ARTICLE, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode()).isEqualTo(304);
        assertThat(send("GET", ARTICLE, "Accept-Encoding", "gzip", "If-None-Match", plainTag).statusCode()).isEqualTo(200);
        assertThat(send("GET", ARTICLE, "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void ifModifiedSinceIsHonouredOnlyWithoutIfNoneMatch() {
        String lastModified = send("GET", ARTICLE).headers().firstValue("Last-Modified").orElseThrow();
        Instant modified = ConditionalRequest.parseDate(lastModified);
        String hourBefore = ConditionalRequest.HTTP_DATE.format(modified.minus(Duration.ofHours(1)));

        assertThat(send("GET", ARTICLE, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(send("GET", ARTICLE, "If-Modified-Since", hourBefore).statusCode()).isEqualTo(200);
        assertThat(send("GET", ARTICLE, "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        assertThat(send("GET", ARTICLE, "If-Modified-Since", lastModified, "If-None-Match", "\"other\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void headAnswersTheHeadersOfTheGetWithoutTheBody() {
        HttpResponse<byte[]> get = send("GET", ARTICLE);
        HttpResponse<byte[]> head = send("HEAD", ARTICLE);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(get.body().length));
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(send("HEAD", ARTICLE, "If-None-Match", get.headers().firstValue("ETag").orElseThrow()).statusCode())
                .isEqualTo(304);
    }

    @Test
    void headOfTheGzipFormNamesItsEncodingAndLengthWithoutTheBody() {
        send("GET", ARTICLE); // rendered once, so that the answers below come from the page cache
        HttpResponse<byte[]> gzip = send("GET", ARTICLE, "Accept-Encoding", "gzip");
        HttpResponse<byte[]> head = send("HEAD", ARTICLE, "Accept-Encoding", "gzip");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(gzip.body().length));
        assertThat(head.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(head.headers().firstValue("ETag")).isEqualTo(gzip.headers().firstValue("ETag"));
    }

    @Test
    void answers200WithANewETagAfterTheContentChanges() {
        importArticle("First version of the text.");
        HttpResponse<byte[]> first = send("GET", "/etag-test/");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(send("GET", "/etag-test/", "If-None-Match", etag).statusCode()).isEqualTo(304);

        importArticle("Second version of the text.");
        HttpResponse<byte[]> changed = send("GET", "/etag-test/", "If-None-Match", etag);

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("Second version of the text.");
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void staticFilesHaveStrongValidatorsAGzipFormAndADaysCache() {
        HttpResponse<byte[]> css = send("GET", "/static/css/site.css");
        HttpResponse<byte[]> gzip = send("GET", "/static/css/site.css", "Accept-Encoding", "gzip");
        String etag = css.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).doesNotStartWith("W/");
        assertThat(css.headers().firstValue("Last-Modified")).isPresent();
        assertThat(css.headers().firstValue("Cache-Control")).contains("public, max-age=86400");
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzip.body().length).isLessThan(css.body().length);
        assertThat(gzip.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(send("GET", "/static/css/site.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    private void importArticle(String body) {
        Path file = MarkdownFiles.write(folder.resolve("import-" + System.nanoTime()), "etag-test.md",
                MarkdownFiles.article("etag-test", "Validators", body));
        assertThat(server.site().importer.importPaths(List.of(file), false).problems()).isEmpty();
        server.server().refreshCache();
    }

    /** A request with these header names and values, in pairs. */
    private HttpResponse<byte[]> send(String method, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
