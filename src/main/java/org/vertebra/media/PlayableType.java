package org.vertebra.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The audio and video types the library accepts for players, recognised by their first bytes
 * like the images ({@link MediaType}). They are stored as they came: no variants, no dimensions.
 */
enum PlayableType {
    MP3("audio/mpeg", "mp3", "MP3"),
    M4A("audio/mp4", "m4a", "M4A"),
    WAV("audio/wav", "wav", "WAV"),
    OGG_AUDIO("audio/ogg", "ogg", "Ogg"),
    FLAC("audio/flac", "flac", "FLAC"),
    MP4("video/mp4", "mp4", "MP4"),
    MOV("video/quicktime", "mov", "QuickTime"),
    WEBM("video/webm", "webm", "WebM"),
    OGG_VIDEO("video/ogg", "ogv", "Ogg");

    final String contentType;
    final String extension;
    /** The format's name, "Ogg", as a list of accepted types gives it. */
    final String format;
    /** The format and what it holds, "Ogg audio", as an item's facts give it. */
    final String label;

    PlayableType(String contentType, String extension, String format) {
        this.contentType = contentType;
        this.extension = extension;
        this.format = format;
        this.label = format + " " + MediaKind.of(contentType).playerElement();
    }

    static Optional<PlayableType> sniff(byte[] head) {
        if (Bytes.hasAscii(head, 0, "ID3") || isMpegAudioFrame(head)) {
            return Optional.of(MP3);
        }
        if (Bytes.hasAscii(head, 0, "RIFF") && Bytes.hasAscii(head, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (Bytes.hasAscii(head, 0, "fLaC")) {
            return Optional.of(FLAC);
        }
        if (Bytes.hasAscii(head, 0, "OggS")) {
            return Optional.of(start(head).contains("theora") ? OGG_VIDEO : OGG_AUDIO);
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return start(head).contains("webm") ? Optional.of(WEBM) : Optional.empty(); // other Matroska files: no
        }
        if (Bytes.hasAscii(head, 4, "ftyp") && head.length >= 12) {
            String brand = Bytes.ascii(head, 8, 4);
            if (brand.startsWith("M4A") || brand.startsWith("M4B")) {
                return Optional.of(M4A);
            }
            if (brand.equals("qt  ")) {
                return Optional.of(MOV);
            }
            // avif, heic, mif1...: still pictures in the same box format, which the library does not take
            boolean picture = brand.startsWith("avi") || brand.startsWith("hei") || brand.startsWith("hev")
                    || brand.startsWith("mif") || brand.startsWith("msf");
            return picture ? Optional.empty() : Optional.of(MP4);
        }
        return Optional.empty();
    }

    /** An MPEG audio frame without a tag: eleven set sync bits, layer I to III (not AAC's layer 0). */
    private static boolean isMpegAudioFrame(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0
                && (head[2] & 0xF0) != 0xF0;
    }

    private static String start(byte[] head) {
        return new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1);
    }

    /** The type that a stored file's extension names, for serving it. */
    static Optional<PlayableType> ofExtension(String extension) {
        for (PlayableType type : values()) {
            if (type.extension.equals(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
