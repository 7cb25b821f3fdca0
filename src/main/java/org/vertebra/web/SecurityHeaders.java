package org.vertebra.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The headers every response carries; one list for Javalin's handlers and the cached-page fast path. */
public final class SecurityHeaders {

    /**
     * The video players an article may embed once a reader accepts Marketing (consent/, content/VideoEmbeds).
     * Pages frame nothing else, and nothing loads from these hosts before the reader asks.
     */
    public static final String EMBED_ORIGINS = "https://www.youtube-nocookie.com https://player.vimeo.com";

    public static final Map<String, String> ALL = allowingScripts(java.util.List.of());

    private SecurityHeaders() {
    }

    /** The headers with the Content-Security-Policy also allowing scripts from these origins (the site owner's optional scripts). */
    public static Map<String, String> allowingScripts(Collection<String> scriptOrigins) {
        String scripts = scriptOrigins.stream().distinct().map(o -> " " + o).collect(Collectors.joining());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        headers.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"
                + scripts + "; font-src 'self'; connect-src 'self'; frame-src " + EMBED_ORIGINS
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
        return Map.copyOf(headers);
    }
}
