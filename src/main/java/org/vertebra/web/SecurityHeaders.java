package org.vertebra.web;

import java.util.Map;

/** The headers every response carries; one list for Javalin's handlers and the cached-page fast path. */
public final class SecurityHeaders {

    public static final Map<String, String> ALL = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "DENY",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                    + "form-action 'self'; object-src 'none'");

    private SecurityHeaders() {
    }
}
