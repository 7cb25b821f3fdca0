package org.vertebra.media;

/**
 * An image file read at the level of its container (segments, chunks or blocks), before any
 * pixel is decoded: its size as the header declares it, and its bytes without metadata.
 *
 * @param clean        the same image with EXIF, XMP, IPTC, comments and text chunks removed, and
 *                     nothing after the format's end marker
 * @param orientation  the EXIF orientation (1 to 8) the camera recorded; 1 when none
 */
record ImageFile(MediaType type, int width, int height, byte[] clean, int orientation, boolean animated) {

    long pixels() {
        return (long) width * height;
    }

    /** A file whose structure is broken or cut short: refused before decoding. */
    static MediaRejected damaged(String name, MediaType type, String what) {
        return new MediaRejected(name + " is damaged or incomplete: " + what + ". It cannot be shown as a "
                + type.label + " image; export or save it again and upload the new file.");
    }
}
