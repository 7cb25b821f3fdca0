package org.vertebra.media;

/**
 * The orientation tag (0x0112) of an EXIF block's first directory: how the camera was held. The
 * block is dropped from stored files, so the picture is turned upright before it is.
 */
final class ExifOrientation {

    private static final int TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation 1 to 8 in the TIFF structure at {@code [tiff, end)}; 1 when absent or unreadable. */
    static int read(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = Bytes.hasAscii(b, tiff, "II");
        if (!little && !Bytes.hasAscii(b, tiff, "MM")) {
            return 1;
        }
        long directory = tiff + u32(b, tiff + 4, little);
        if (directory + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) directory, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? Bytes.u16le(b, at) : Bytes.u16be(b, at);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little ? Bytes.u32le(b, at) : Bytes.u32be(b, at);
    }
}
