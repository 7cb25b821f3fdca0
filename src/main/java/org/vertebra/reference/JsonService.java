package org.vertebra.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jsoup.Jsoup;

/**
 * One bibliographic service that answers JSON over HTTP: GETs with short timeouts and a
 * User-Agent naming us, every way of failing turned into a {@link LookupFailure}, and answers
 * (found or not) kept for an hour so an identifier is not fetched twice.
 */
final class JsonService {

    /** How long to wait for a connection, and for the answer's headers. */
    record Timeouts(Duration connect, Duration request) {
        static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    static final Duration KEEP_ANSWERS = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String userAgent;
    private final Timeouts timeouts;
    private final HttpClient http;
    private final Cache<String, Optional<Citation>> answers;

    JsonService(String name, String userAgent, Timeouts timeouts, Clock clock) {
        this.name = name;
        this.userAgent = userAgent;
        this.timeouts = timeouts;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.answers = Caffeine.newBuilder()
                .maximumSize(1_000)
                .expireAfterWrite(KEEP_ANSWERS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * The citation that {@code read} makes of the JSON at this address; empty when the service
     * answers 404 or {@code read} finds nothing. A failure is not kept, so the next call tries again.
     */
    Optional<Citation> fetch(String key, URI uri, Function<JsonNode, Optional<Citation>> read) {
        return answers.get(key, k -> get(uri).flatMap(read));
    }

    /**
     * The JSON at this address, not cached (the caller keeps what it needs); empty for a 404. Throws
     * {@link LookupFailure} as {@link #fetch} does.
     */
    Optional<JsonNode> json(URI uri) {
        return get(uri);
    }

    /** A failure for an answer that parsed as JSON but is not shaped as the service documents. */
    LookupFailure malformed(String what) {
        return new LookupFailure(LookupFailure.Reason.MALFORMED_ANSWER,
                name + "'s answer could not be read (" + what + "). Try again later, or enter the reference by hand.");
    }

    private Optional<JsonNode> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeouts.request())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status < 200 || status > 299) {
            throw new LookupFailure(LookupFailure.Reason.SERVICE_ERROR, name + " answered with an error (HTTP " + status
                    + (status == 429 ? ": too many requests" : "") + "). Try again in a minute.");
        }
        try {
            return Optional.of(JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new LookupFailure(LookupFailure.Reason.MALFORMED_ANSWER,
                    name + " answered something that is not JSON. Try again later, or enter the reference by hand.", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new LookupFailure(LookupFailure.Reason.UNREACHABLE, name + " could not be reached within "
                    + timeouts.connect().toSeconds() + " seconds. Check the network, or try again later.", e);
        } catch (HttpTimeoutException e) {
            throw new LookupFailure(LookupFailure.Reason.TIMED_OUT, name + " did not answer within "
                    + seconds(timeouts.request()) + ". Try again later.", e);
        } catch (IOException e) {
            throw new LookupFailure(LookupFailure.Reason.UNREACHABLE, name + " could not be reached at "
                    + request.uri().getScheme() + "://" + request.uri().getAuthority() + ". Check its address and the network.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailure(LookupFailure.Reason.UNREACHABLE, "The look-up at " + name + " was interrupted.", e);
        }
    }

    /** A text field of the answer, without markup ("<i>in vivo</i>" and "&amp;" read as text); null when absent or empty. */
    static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String text = node.asText();
        if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
            text = Jsoup.parse(text).text();
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? null : text;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " seconds" : duration.toMillis() + " ms";
    }
}
