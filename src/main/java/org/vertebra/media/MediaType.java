package org.vertebra.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The image types the library accepts, recognised by their first bytes rather than by name. */
enum MediaType {
    JPEG("image/jpeg", "jpg", "JPEG", "jpeg"),
    PNG("image/png", "png", "PNG", "png"),
    GIF("image/gif", "gif", "GIF", "gif"),
    WEBP("image/webp", "webp", "WebP", "webp");

    final String contentType;
    final String extension;
    final String label;
    /** The name ImageIO knows its reader and writer by. */
    final String formatName;

    MediaType(String contentType, String extension, String label, String formatName) {
        this.contentType = contentType;
        this.extension = extension;
        this.label = label;
        this.formatName = formatName;
    }

    static Optional<MediaType> sniff(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (Bytes.hasAscii(head, 0, "GIF87a") || Bytes.hasAscii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (Bytes.hasAscii(head, 0, "RIFF") && Bytes.hasAscii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * What a file that is none of our types seems to be, from its first bytes, so the refusal can
     * say more than "not an image"; empty when we cannot tell.
     */
    static Optional<String> guess(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("#!")) {
            return Optional.of("a script");
        }
        if (start.startsWith("<?php") || start.contains("<?php")) {
            return Optional.of("a PHP script");
        }
        if (start.contains("<svg")) {
            return Optional.of("an SVG drawing, which can carry scripts; export it as PNG");
        }
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<script")) {
            return Optional.of("a web page or script");
        }
        if (start.startsWith("%pdf")) {
            return Optional.of("a PDF document");
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return Optional.of("a ZIP archive or Office document");
        }
        if (startsWith(head, 'M', 'Z') || startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return Optional.of("a program");
        }
        if (startsWith(head, 'I', 'I', '*', 0) || startsWith(head, 'M', 'M', 0, '*')) {
            return Optional.of("a TIFF image; export it as JPEG or PNG");
        }
        if (startsWith(head, 'B', 'M')) {
            return Optional.of("a BMP image; export it as PNG");
        }
        if (Bytes.hasAscii(head, 4, "ftyp")) {
            String brand = head.length >= 12 ? Bytes.ascii(head, 8, 4) : "";
            return Optional.of(brand.startsWith("avi") ? "an AVIF image; export it as JPEG or WebP"
                    : brand.startsWith("hei") || brand.startsWith("mif") ? "a HEIC photo; export it as JPEG"
                    : "a video");
        }
        return looksLikeText(head) ? Optional.of("text") : Optional.empty();
    }

    private static boolean looksLikeText(byte[] head) {
        int n = Math.min(head.length, 512);
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return n > 0;
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
