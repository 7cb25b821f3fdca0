package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache's fast path on a real Jetty with one selector thread: cached pages are answered where the
 * request was read, and whatever is not cached goes to a pool thread, where it may block without
 * holding up the pages that are.
 */
class CachedPageHandlerTest {

    private static final String CACHED = "/cached/";
    private static final String SLOW = "/slow/";

    private final PageCache cache = new PageCache(Clock.systemUTC());
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Server server;

    @BeforeEach
    void start() throws Exception {
        cache.get(CACHED, () -> Optional.of("<p>cached</p>".getBytes(StandardCharsets.UTF_8)));
        server = new Server(new QueuedThreadPool(16, 4));
        ServerConnector connector = new ServerConnector(server, 1, 1); // one selector: a blocked one would stop all
        server.addConnector(connector);
        CachedPageHandler handler = new CachedPageHandler(cache);
        handler.setHandler(new BlockingPages());
        server.setHandler(handler);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    @Test
    void isNonBlockingSoJettyServesCachedPagesOnTheSelectorThread() {
        assertThat(server.getInvocationType()).isEqualTo(Handler.InvocationType.NON_BLOCKING);
    }

    @Test
    void servesCachedPagesWhileAPageItDoesNotHaveBlocks() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(get(SLOW), HttpResponse.BodyHandlers.ofString());
        assertThat(slow).isNotCompleted();

        HttpResponse<String> cached = client.send(get(CACHED), HttpResponse.BodyHandlers.ofString());

        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo("<p>cached</p>");
        assertThat(slow).isNotCompleted();
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).body()).isEqualTo("rendered on a pool thread");
    }

    @Test
    void answers404WhenNoHandlerTakesTheRequest() throws Exception {
        HttpResponse<String> missing = client.send(get("/nowhere/"), HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void answers500WhenTheNextHandlerFails() throws Exception {
        HttpResponse<String> failed = client.send(get("/fails/"), HttpResponse.BodyHandlers.ofString());

        assertThat(failed.statusCode()).isEqualTo(500);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0])
                .getLocalPort() + path)).timeout(Duration.ofSeconds(3)).build();
    }

    /** Stands for Javalin: blocks on the slow page until the test lets it go, fails on one, takes no other. */
    private final class BlockingPages extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            if (path.equals("/fails/")) {
                throw new IllegalStateException("a failing page");
            }
            if (!path.equals(SLOW)) {
                return false;
            }
            release.await(10, TimeUnit.SECONDS);
            response.write(true, ByteBuffer.wrap("rendered on a pool thread".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
    }
}
