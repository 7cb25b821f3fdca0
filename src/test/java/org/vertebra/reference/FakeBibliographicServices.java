package org.vertebra.reference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Crossref's works API and NCBI's esummary on a local port, answering canned JSON shaped like
 * theirs, and every way a service can fail: 404, 500, an answer too slow, one that is not JSON,
 * one that is JSON of the wrong shape. It notes each request it is sent.
 */
public final class FakeBibliographicServices implements AutoCloseable {

    public static final String POLACK_DOI = "10.1056/NEJMoa2034577";
    static final String POLACK_PMID = "33301246";
    static final String TENDON_DOI = "10.5555/VERTEBRA.2019.0042";
    /** A work with no notice. */
    public static final String TENDON_DOI_FOR_TESTS = TENDON_DOI;
    static final String MOSELEY_PMID = "12110735";
    public static final String UNKNOWN_DOI = "10.5555/no-such-work";
    static final String UNKNOWN_PMID = "99999999";

    /** Works with notices, for the retraction checks (fictional, under the test prefix 10.5555). */
    public static final String RETRACTED_DOI = "10.5555/vertebra.2018.0007";
    public static final String RETRACTION_NOTICE_DOI = "10.5555/vertebra.2021.notice.0007";
    public static final String CORRECTED_DOI = "10.5555/vertebra.2019.0011";
    public static final String CONCERN_DOI = "10.5555/vertebra.2017.0003";
    public static final String CONCERN_NOTICE_DOI = "10.5555/vertebra.2022.concern.0003";
    public static final String RETRACTED_PMID = "20000777";
    /** A DOI whose answer waits until the test calls {@link #release()}: proof that nothing waits for it. */
    public static final String HELD_DOI = "10.5555/answers-when-released";

    /** DOIs and PMIDs whose answers fail, each in its own way. */
    public static final String BROKEN_DOI = "10.5555/answers-500";
    public static final String SLOW_DOI = "10.5555/answers-slowly";
    static final String NOT_JSON_DOI = "10.5555/answers-html";
    static final String SHAPELESS_DOI = "10.5555/answers-no-message";
    static final String BROKEN_PMID = "20000500";
    static final String SLOW_PMID = "20000001";
    static final String TRUNCATED_PMID = "20000002";

    /** Longer than the tests' request timeout, shorter than a test's patience. */
    static final long SLOW_MILLIS = 2_000;

    /** One request as it arrived. */
    record Request(String path, String query, String userAgent) {
    }

    private static final Map<String, String> WORKS = Map.of(
            POLACK_DOI.toLowerCase(Locale.ROOT), "crossref-polack-2020.json",
            TENDON_DOI.toLowerCase(Locale.ROOT), "crossref-tendon-2019.json",
            RETRACTED_DOI, "crossref-retracted-2018.json",
            CORRECTED_DOI, "crossref-corrected-2019.json",
            CONCERN_DOI, "crossref-concern-2017.json");
    private static final Map<String, String> SUMMARIES = Map.of(
            POLACK_PMID, "pubmed-polack-2020.json",
            MOSELEY_PMID, "pubmed-moseley-2002.json",
            RETRACTED_PMID, "pubmed-retracted-2016.json");
    /** Answers to {@code works?filter=updates:DOI}: the notices that name the DOI in their update-to. */
    private static final Map<String, String> UPDATES = Map.of(CONCERN_DOI, "crossref-updates-concern-2017.json");

    private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeBibliographicServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/crossref/works/", this::work);
        server.createContext("/crossref/works", this::updates);
        server.createContext("/eutils/esummary.fcgi", this::summary);
        server.setExecutor(threads);
        server.start();
    }

    public String crossrefUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crossref";
    }

    /** How many requests asked for a path that ends so, or a query that contains this. */
    public long requestsMatching(String pathEndOrQuery) {
        return requestsFor(pathEndOrQuery);
    }

    /** The User-Agent of every request so far. */
    public List<String> userAgents() {
        return requests.stream().map(Request::userAgent).toList();
    }

    public String pubmedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/eutils";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many requests asked for a path that ends so, or a query that contains this. */
    long requestsFor(String pathEndOrQuery) {
        return requests.stream().filter(r -> r.path().endsWith(pathEndOrQuery)
                || r.query() != null && r.query().contains(pathEndOrQuery)).count();
    }

    private void work(HttpExchange exchange) throws IOException {
        note(exchange);
        String doi = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/crossref/works/".length()),
                StandardCharsets.UTF_8);
        switch (doi) {
            case BROKEN_DOI -> answer(exchange, 500, "text/plain", "Internal Server Error");
            case SLOW_DOI -> {
                pause();
                answer(exchange, 200, "application/json", resource("crossref-polack-2020.json"));
            }
            case HELD_DOI -> {
                try {
                    held.await(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, "application/json", resource("crossref-concern-2017.json").replace(CONCERN_DOI, HELD_DOI));
            }
            case NOT_JSON_DOI -> answer(exchange, 200, "text/html", "<html><body>Service temporarily unavailable</body></html>");
            case SHAPELESS_DOI -> answer(exchange, 200, "application/json", "{\"status\": \"ok\", \"message-type\": \"work\"}");
            default -> {
                String file = WORKS.get(doi.toLowerCase(Locale.ROOT));
                if (file == null) {
                    answer(exchange, 404, "text/plain", "Resource not found.");
                } else {
                    answer(exchange, 200, "application/json", resource(file));
                }
            }
        }
    }

    /** {@code GET /works?filter=updates:DOI&rows=N}: Crossref's list of works that update that DOI. */
    private void updates(HttpExchange exchange) throws IOException {
        note(exchange);
        String filter = queryParameter(exchange.getRequestURI().getRawQuery(), "filter");
        String doi = filter.startsWith("updates:") ? filter.substring("updates:".length()).toLowerCase(Locale.ROOT) : "";
        answer(exchange, 200, "application/json", resource(UPDATES.getOrDefault(doi, "crossref-updates-none.json")));
    }

    /** Lets the held answer go. */
    public void release() {
        held.countDown();
    }

    private void summary(HttpExchange exchange) throws IOException {
        note(exchange);
        String id = queryParameter(exchange.getRequestURI().getRawQuery(), "id");
        switch (id) {
            case BROKEN_PMID -> answer(exchange, 500, "text/plain", "Internal Server Error");
            case SLOW_PMID -> {
                pause();
                answer(exchange, 200, "application/json", resource("pubmed-polack-2020.json").replace(POLACK_PMID, id));
            }
            case TRUNCATED_PMID -> answer(exchange, 200, "application/json", "{\"header\": {\"type\": \"esummary\"}, \"result\": {\"uids\"");
            default -> {
                String file = SUMMARIES.get(id);
                answer(exchange, 200, "application/json",
                        file != null ? resource(file) : resource("pubmed-unknown.json").replace("PMID", id));
            }
        }
    }

    private void note(HttpExchange exchange) {
        requests.add(new Request(exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("User-Agent")));
    }

    private static String queryParameter(String query, String name) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void pause() {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String resource(String name) {
        try (InputStream in = FakeBibliographicServices.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
