package org.vertebra.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPOutputStream;

/**
 * A page (or static file) as cached: its type, its plain bytes and, when that is smaller, the same
 * compressed once with gzip for clients that accept it, each with its own entity tag; and when it
 * last changed, to the second, as HTTP dates go.
 *
 * @param gzip null when compressing does not make it smaller (an image, a tiny file)
 */
public record CachedPage(String contentType, Representation plain, Representation gzip, Instant lastModified,
                         String cacheControl) {

    /**
     * Public pages may be stored by browsers and caches but are checked with the server each time
     * (a 304 when unchanged): a corrected article must not stay stale for hours, which is what a
     * Last-Modified without Cache-Control would allow (heuristic freshness).
     */
    public static final String REVALIDATE = "no-cache";

    /** A rendered page, changed (as far as this server knows) at {@code lastModified}. */
    public static CachedPage of(String contentType, byte[] plain, Instant lastModified) {
        return of(contentType, plain, lastModified, REVALIDATE);
    }

    public static CachedPage of(String contentType, byte[] plain, Instant lastModified, String cacheControl) {
        Instant second = lastModified.truncatedTo(ChronoUnit.SECONDS);
        String date = ConditionalRequest.HTTP_DATE.format(second);
        byte[] compressed = gzip(plain);
        boolean worthIt = compressed.length < plain.length;
        return new CachedPage(contentType, new Representation(plain, null, contentType, date, cacheControl, worthIt),
                worthIt ? new Representation(compressed, "gzip", contentType, date, cacheControl, true) : null,
                second, cacheControl);
    }

    /** The form to send to a client that does or does not accept gzip. */
    public Representation forClient(boolean acceptsGzip) {
        return acceptsGzip && gzip != null ? gzip : plain;
    }

    /** The bytes it holds, both forms. */
    public int weight() {
        return plain.length() + (gzip == null ? 0 : gzip.length());
    }

    /** Whether the answer depends on Accept-Encoding (there is a gzip form). */
    public boolean varies() {
        return gzip != null;
    }

    /** Whether an Accept-Encoding header lets us send gzip (absent or refused with q=0: no). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        int at = acceptEncoding.indexOf("gzip");
        if (at < 0) {
            return false;
        }
        int after = at + 4;
        if (after == acceptEncoding.length() || acceptEncoding.charAt(after) == ',') {
            return true; // what browsers send: "gzip, deflate, br"
        }
        int end = acceptEncoding.indexOf(',', at);
        String rest = acceptEncoding.substring(after, end < 0 ? acceptEncoding.length() : end).replace(" ", "");
        return !rest.startsWith(";q=0") || rest.matches(";q=0\\.0*[1-9].*");
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 3 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory compression cannot fail", e);
        }
        return compressed.toByteArray();
    }
}
