package org.vertebra.media;

import java.nio.charset.StandardCharsets;

/** Reads the fixed-size numbers and tags of image headers; callers check the bounds first. */
final class Bytes {

    private Bytes() {
    }

    static int u16be(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static int u24le(byte[] b, int at) {
        return u16le(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    static long u32be(byte[] b, int at) {
        return (long) u16be(b, at) << 16 | u16be(b, at + 2);
    }

    static long u32le(byte[] b, int at) {
        return u16le(b, at) | (long) u16le(b, at + 2) << 16;
    }

    static void putU32le(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /** True when {@code b} holds the ASCII text {@code tag} at {@code at}. */
    static boolean hasAscii(byte[] b, int at, String tag) {
        return at >= 0 && at + tag.length() <= b.length
                && new String(b, at, tag.length(), StandardCharsets.ISO_8859_1).equals(tag);
    }

    static String ascii(byte[] b, int at, int length) {
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }
}
