package org.vertebra.media;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Walks a PNG's chunks, checking each one's length and checksum, and keeps only those that
 * affect how the picture looks (including APNG animation). Text chunks (tEXt, zTXt, iTXt), EXIF
 * (eXIf), timestamps and private chunks are dropped, and so is anything after IEND.
 */
final class PngFile {

    private static final Set<String> KEPT = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "bKGD", "pHYs",
            "acTL", "fcTL", "fdAT");

    private PngFile() {
    }

    static ImageFile read(byte[] b, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int pos = 8;
        int width = 0;
        int height = 0;
        boolean animated = false;
        boolean hasData = false;
        while (true) {
            if (pos + 12 > b.length) {
                throw ImageFile.damaged(name, MediaType.PNG, "the file ends before its last chunk (IEND)");
            }
            long length = Bytes.u32be(b, pos);
            if (length > b.length - pos - 12) {
                throw ImageFile.damaged(name, MediaType.PNG, "the file ends in the middle of a chunk");
            }
            String type = Bytes.ascii(b, pos + 4, 4);
            int data = pos + 8;
            int end = data + (int) length;
            CRC32 crc = new CRC32();
            crc.update(b, pos + 4, 4 + (int) length);
            if (crc.getValue() != Bytes.u32be(b, end)) {
                throw ImageFile.damaged(name, MediaType.PNG, "the checksum of its " + type + " chunk is wrong");
            }
            if (pos == 8) {
                if (!type.equals("IHDR") || length != 13) {
                    throw ImageFile.damaged(name, MediaType.PNG, "it does not start with an IHDR header");
                }
                width = (int) Math.min(Integer.MAX_VALUE, Bytes.u32be(b, data));
                height = (int) Math.min(Integer.MAX_VALUE, Bytes.u32be(b, data + 4));
            }
            animated |= type.equals("acTL");
            hasData |= type.equals("IDAT");
            if (KEPT.contains(type)) {
                out.write(b, pos, end + 4 - pos);
            }
            pos = end + 4;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (!hasData || width == 0 || height == 0) {
            throw ImageFile.damaged(name, MediaType.PNG, "it holds no picture data");
        }
        return new ImageFile(MediaType.PNG, width, height, out.toByteArray(), 1, animated);
    }
}
