package org.vertebra.redirect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * How a source address is compared: decoded, without its query or fragment (redirects match the
 * path only, so {@code /old/?utm_source=x} finds the redirect of {@code /old/}), and with one slash
 * at the end unless its last part names a file ({@code /leaflet.pdf}), which is how the site's own
 * addresses are written.
 */
final class RedirectPaths {

    /** Longer paths are neither redirected nor logged: no real page has one, and they would fill the log. */
    public static final int MAX = 500;

    /** Addresses that belong to Vertebra itself; a redirect there would hide the admin, the API or files. */
    static final List<String> RESERVED = List.of("/admin/", "/api/", "/static/", "/media/");

    private RedirectPaths() {
    }

    /** The normalised form of a path as typed or requested, or empty when it cannot be one (no leading slash, bad escapes). */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String path = raw.strip();
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (!path.startsWith("/") || path.startsWith("//")) {
            return Optional.empty();
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return Optional.of(path.endsWith("/") || last.contains(".") ? path : path + "/");
    }

    /** The reserved prefix this normalised path falls under, or null. */
    static String reservedPrefix(String path) {
        return RESERVED.stream().filter(path::startsWith).findFirst().orElse(null);
    }

    /** Whether a target is a path on this site (as opposed to an https address elsewhere). */
    static boolean isLocal(String target) {
        return target.startsWith("/") && !target.startsWith("//");
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
