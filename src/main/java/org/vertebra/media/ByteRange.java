package org.vertebra.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file, as a {@code Range: bytes=...} header asks for it (RFC 9110, 14.1.2),
 * so that audio and video players can seek. Several ranges in one request are answered with the
 * whole file, which the RFC allows.
 *
 * @param first the first byte, from 0
 * @param last  the last byte, included; below {@code first} when the range starts past the file's end
 */
record ByteRange(long first, long last) {

    private static final Pattern ONE_RANGE = Pattern.compile("bytes=\\s*(\\d{0,18})\\s*-\\s*(\\d{0,18})\\s*");

    /**
     * What a Range header asks of a file of {@code length} bytes; empty for the whole file (no
     * header, several ranges, a malformed one or another unit).
     */
    static Optional<ByteRange> of(String header, long length) {
        Matcher m = header == null ? null : ONE_RANGE.matcher(header.strip());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // the last N bytes
            long suffix = Long.parseLong(m.group(2));
            return Optional.of(suffix == 0 ? new ByteRange(length, length - 1) : new ByteRange(Math.max(0, length - suffix), length - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
        if (first < length && last < first) {
            return Optional.empty(); // bytes=9-3: not a valid range, so ignored
        }
        return Optional.of(new ByteRange(first, first < length ? last : first - 1));
    }

    /** False for a range that starts past the end of the file: answered with 416. */
    boolean satisfiable() {
        return last >= first;
    }

    String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }
}
