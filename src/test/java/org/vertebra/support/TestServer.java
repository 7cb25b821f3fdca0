package org.vertebra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.vertebra.app.Site;
import org.vertebra.app.WebServer;

/** A running server on a free port with the demo site, and a client that does not follow redirects. */
public final class TestServer implements AutoCloseable {

    private final TestSite testSite;
    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(TestSite testSite, WebServer server) {
        this.testSite = testSite;
        this.server = server;
    }

    public static TestServer withDemo(TestDatabase kind, Path folder) {
        TestSite site = TestSite.open(kind, folder, Clock.systemUTC());
        site.site().initialize(true);
        return new TestServer(site, started(site));
    }

    /** A running server on an empty site (no demo articles) whose clock the test controls. */
    public static TestServer empty(TestDatabase kind, Path folder, Clock clock) {
        TestSite site = TestSite.open(kind, folder, clock);
        site.site().initialize(false);
        return new TestServer(site, started(site));
    }

    /** An empty site like {@link #empty}, with reference look-ups at these addresses (a test's fake services). */
    public static TestServer withReferenceLookups(TestDatabase kind, Path folder, Clock clock, String crossrefUrl,
                                                  String pubmedUrl) {
        TestSite site = TestSite.open(kind, folder, clock, crossrefUrl, pubmedUrl);
        site.site().initialize(false);
        return new TestServer(site, started(site));
    }

    /** An empty site like {@link #empty} that sends mail through this SMTP server (a test's GreenMail). */
    public static TestServer withMail(TestDatabase kind, Path folder, Clock clock, org.vertebra.app.MailSettings mail) {
        TestSite site = TestSite.open(kind, folder, clock, mail);
        site.site().initialize(false);
        return new TestServer(site, started(site));
    }

    /** A running server on a site opened elsewhere, such as one restored from a backup. */
    public static TestServer serving(TestSite site) {
        return new TestServer(site, started(site));
    }

    /** A server whose start-up work (the search index) is done, so that a test's first search sees every article. */
    private static WebServer started(TestSite site) {
        WebServer server = new WebServer(site.site()).start();
        try {
            if (!server.awaitStarted(java.time.Duration.ofSeconds(60))) {
                throw new IllegalStateException("the search index was not brought up to date at start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return server;
    }

    /** The absolute address of a path on this server. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    public Site site() {
        return testSite.site();
    }

    public WebServer server() {
        return server;
    }

    public HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response body as bytes, for a request that accepts gzip as browsers do. */
    public HttpResponse<byte[]> getAcceptingGzip(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                    .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page at this path, which must answer 200, parsed. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), "http://localhost:" + server.port() + path);
    }

    @Override
    public void close() {
        server.close();
        testSite.close();
    }
}
