package org.vertebra.media;

import java.io.ByteArrayOutputStream;

/**
 * Walks a JPEG's marker segments. It keeps what the picture needs (tables, frame, scans, the JFIF
 * header, an ICC colour profile and Adobe's colour transform flag) and drops every other
 * application segment and comment: EXIF (with its GPS position and embedded thumbnail), XMP,
 * IPTC, maker notes. The scans are copied byte for byte, so the picture is not re-compressed.
 */
final class JpegFile {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int COM = 0xFE;

    private JpegFile() {
    }

    static ImageFile read(byte[] b, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int pos = 2;
        int width = 0;
        int height = 0;
        int orientation = 1;
        boolean scanned = false;
        while (true) {
            if (pos >= b.length) {
                throw ImageFile.damaged(name, MediaType.JPEG, "the file ends before the end of the picture");
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw ImageFile.damaged(name, MediaType.JPEG, "unexpected bytes between its segments");
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++; // fill bytes before a marker
            }
            if (pos >= b.length) {
                throw ImageFile.damaged(name, MediaType.JPEG, "the file ends before the end of the picture");
            }
            int marker = b[pos++] & 0xFF;
            if (marker == EOI) {
                out.write(0xFF);
                out.write(EOI);
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            if (marker == 0x00) {
                // FF 00 is an escaped byte of picture data, never a marker. Read as a segment, its
                // "content" came out unstripped, and after a scan a decoder (or this reader, on
                // the cleaned file) reads on through it as picture data and takes the EXIF or
                // comment segments hidden inside for real ones (found by fuzzing).
                throw ImageFile.damaged(name, MediaType.JPEG, "unexpected bytes between its segments");
            }
            if (marker == 0xD8 || pos + 2 > b.length) {
                throw ImageFile.damaged(name, MediaType.JPEG, "a segment is cut short");
            }
            int length = Bytes.u16be(b, pos);
            if (length < 2 || pos + length > b.length) {
                throw ImageFile.damaged(name, MediaType.JPEG, "a segment is cut short");
            }
            if (isFrame(marker) && length >= 8) {
                height = Bytes.u16be(b, pos + 3);
                width = Bytes.u16be(b, pos + 5);
            }
            if (marker == 0xE1 && Bytes.hasAscii(b, pos + 2, "Exif\0\0")) {
                orientation = ExifOrientation.read(b, pos + 8, pos + length);
            }
            if (keeps(marker, b, pos + 2)) {
                out.write(0xFF);
                out.write(marker);
                out.write(b, pos, length);
            }
            pos += length;
            if (marker == SOS) {
                if (width == 0 || height == 0) {
                    throw ImageFile.damaged(name, MediaType.JPEG, "its picture data comes before its size");
                }
                int start = pos;
                pos = endOfScan(b, pos, name);
                out.write(b, start, pos - start);
                scanned = true;
            }
        }
        if (!scanned) {
            throw ImageFile.damaged(name, MediaType.JPEG, "it holds no picture data");
        }
        return new ImageFile(MediaType.JPEG, width, height, out.toByteArray(), orientation, false);
    }

    /** Entropy-coded data runs to the next marker; FF 00 is an escaped byte and RSTn a restart. */
    private static int endOfScan(byte[] b, int pos, String name) {
        while (pos + 1 < b.length) {
            int next = b[pos + 1] & 0xFF;
            if ((b[pos] & 0xFF) == 0xFF && next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                return pos;
            }
            pos++;
        }
        throw ImageFile.damaged(name, MediaType.JPEG, "the file ends in the middle of the picture data");
    }

    /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean keeps(int marker, byte[] b, int data) {
        if (marker == COM) {
            return false;
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true;
        }
        return (marker == 0xE0 && Bytes.hasAscii(b, data, "JFIF\0"))
                || (marker == 0xE2 && Bytes.hasAscii(b, data, "ICC_PROFILE\0"))
                || (marker == 0xEE && Bytes.hasAscii(b, data, "Adobe"));
    }
}
