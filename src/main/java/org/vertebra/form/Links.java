package org.vertebra.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What counts as a link a form may store: a path on this site, or an https address elsewhere. */
public final class Links {

    private Links() {
    }

    /** An absolute https address with a host, and nothing that would read differently in a browser. */
    public static boolean isHttpsUrl(String value) {
        if (value == null || value.length() > 500 || hasSpaceOrControl(value)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A path on this site: starts with one slash (not "//", which browsers read as another host). */
    public static boolean isSitePath(String value) {
        if (value == null || value.length() > 500 || !value.startsWith("/") || value.startsWith("//")
                || value.contains("\\") || hasSpaceOrControl(value)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasSpaceOrControl(String value) {
        return value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }
}
