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
    static final String MOSELEY_PMID = "12110735";
    public static final String UNKNOWN_DOI = "10.5555/no-such-work";
    static final String UNKNOWN_PMID = "99999999";

    /** DOIs and PMIDs whose answers fail, each in its own way. */
    static final String BROKEN_DOI = "10.5555/answers-500";
    static final String SLOW_DOI = "10.5555/answers-slowly";
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
            TENDON_DOI.toLowerCase(Locale.ROOT), "crossref-tendon-2019.json");
    private static final Map<String, String> SUMMARIES = Map.of(
            POLACK_PMID, "pubmed-polack-2020.json",
            MOSELEY_PMID, "pubmed-moseley-2002.json");

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
        server.createContext("/eutils/esummary.fcgi", this::summary);
        server.setExecutor(threads);
        server.start();
    }

    public String crossrefUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crossref";
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
        server.stop(0);
        threads.shutdownNow();
    }
}
