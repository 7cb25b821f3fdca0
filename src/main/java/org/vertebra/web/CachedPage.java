package org.vertebra.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** A rendered page as cached: its type, its bytes, and the same compressed once for clients that accept gzip. */
public record CachedPage(String contentType, byte[] plain, byte[] gzip) {

    public static CachedPage of(String contentType, byte[] plain) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory compression cannot fail", e);
        }
        return new CachedPage(contentType, plain, compressed.toByteArray());
    }
}
