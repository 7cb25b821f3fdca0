package org.vertebra.web;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * One form of a cached page as it goes out (plain, or gzip for clients that accept it): its bytes,
 * the strong entity tag that names exactly those bytes, and its response headers, made once when
 * the page is cached so that serving it builds nothing per request.
 *
 * <p>The bytes stay on the heap. Kept outside it, they saved the copy into a native buffer that
 * each write makes (1 to 5% of a cached page's CPU in bench/article-page.sh), but a body dropped on
 * a content change would free its native memory only when a full collection found it, which on a
 * small heap with an often-edited site could hold up to the heap's size again in garbage; the
 * memory target weighed more than the few per cent (issue 17, bench/RESULTS.md).
 */
public final class Representation {

    private final byte[] bytes;
    private final ByteBuffer buffer;
    private final String etag;
    private final String encoding;
    final HttpField[] okHeaders;
    final HttpField[] notModifiedHeaders;

    /**
     * @param encoding     its Content-Encoding, or null for the plain bytes
     * @param vary         whether the page also exists in another encoding (so caches must key on Accept-Encoding)
     * @param lastModified the page's Last-Modified as an HTTP-date
     */
    Representation(byte[] bytes, String encoding, String contentType, String lastModified, String cacheControl, boolean vary) {
        this.bytes = bytes;
        this.buffer = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        this.etag = etagOf(bytes);
        this.encoding = encoding;
        // The 304 carries what a cache needs to update its stored copy (RFC 9110, 15.4.5), not the body's type or length.
        List<HttpField> validators = new ArrayList<>();
        validators.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
        validators.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModified));
        validators.add(new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl));
        if (vary) {
            validators.add(new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding"));
        }
        HttpField length = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
        // With the 200's length: left out, Jetty would send "Content-Length: 0", which RFC 9110 (8.6) forbids in a 304.
        validators.add(length);
        this.notModifiedHeaders = validators.toArray(HttpField[]::new);
        List<HttpField> ok = new ArrayList<>();
        ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType));
        if (encoding != null) {
            ok.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, encoding));
        }
        ok.addAll(validators);
        this.okHeaders = ok.toArray(HttpField[]::new);
    }

    public byte[] bytes() {
        return bytes;
    }

    /** How many bytes are sent. */
    public int length() {
        return bytes.length;
    }

    /** The bytes as a buffer that many responses may write at once (each write gets its own view). */
    ByteBuffer buffer() {
        return buffer.duplicate();
    }

    /** The strong entity tag, quotes included. */
    public String etag() {
        return etag;
    }

    /** Its Content-Encoding, or null for the plain bytes. */
    public String encoding() {
        return encoding;
    }

    /**
     * 128 bits of the SHA-256 of the bytes: the same bytes give the same tag on every node and after a
     * restart, and other bytes (a changed page, the gzip form) another one.
     */
    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
