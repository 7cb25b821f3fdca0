package org.vertebra.wordpress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Old WordPress addresses written one way, whether they come from the export or a request: the
 * path, percent-decoded, ending in a slash unless it names a file; for the query forms WordPress
 * answers at its root ({@code /?p=7}), the one parameter that names the item.
 */
final class LegacyPaths {

    /** The root's parameters that name an item, in the order they are tried. */
    static final List<String> ROOT_PARAMETERS = List.of("p", "page_id", "attachment_id", "cat", "tag", "author", "feed");

    private LegacyPaths() {
    }

    /** The key of an address of the old site, absolute or not; empty when it has none. */
    static Optional<String> ofAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(address.strip().replace(" ", "%20"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery();
            if (path.equals("/") && query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && ROOT_PARAMETERS.contains(pair.substring(0, eq))) {
                        return Optional.of(rootQuery(pair.substring(0, eq), decode(pair.substring(eq + 1))));
                    }
                }
                return Optional.empty();
            }
            return path.equals("/") ? Optional.empty() : Optional.of(key(decode(path)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code /?name=value}. */
    static String rootQuery(String name, String value) {
        return "/?" + name + "=" + value.strip();
    }

    /** A decoded path as a key: one slash at the end, unless its last part is a file name. */
    static String key(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        String last = p.substring(p.lastIndexOf('/') + 1);
        return p.endsWith("/") || last.contains(".") ? p : p + "/";
    }

    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
