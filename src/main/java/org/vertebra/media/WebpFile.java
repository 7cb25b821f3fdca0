package org.vertebra.media;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Set;

/**
 * Walks a WebP's RIFF chunks. The picture chunks are kept; EXIF and XMP chunks are dropped, their
 * flags cleared in the VP8X header, and the RIFF size rewritten. The size is read from the VP8X,
 * VP8 or VP8L header, since the JDK cannot decode WebP to ask it.
 */
final class WebpFile {

    private static final Set<String> KEPT = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;
    private static final int ANIMATION_FLAG = 0x02;

    private WebpFile() {
    }

    static ImageFile read(byte[] b, String name) {
        long riffEnd = 8 + Bytes.u32le(b, 4);
        if (b.length < 20 || riffEnd > b.length) {
            throw ImageFile.damaged(name, MediaType.WEBP, "the file is shorter than its header says");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int pos = 12;
        int width = 0;
        int height = 0;
        boolean animated = false;
        boolean hasPicture = false;
        while (pos + 8 <= riffEnd) {
            String fourcc = Bytes.ascii(b, pos, 4);
            long size = Bytes.u32le(b, pos + 4);
            int data = pos + 8;
            if (size > riffEnd - data) {
                throw ImageFile.damaged(name, MediaType.WEBP, "the file ends in the middle of its " + fourcc.strip() + " chunk");
            }
            int next = (int) Math.min(riffEnd, data + size + (size & 1));
            switch (fourcc) {
                case "VP8X" -> {
                    if (size < 10) {
                        throw ImageFile.damaged(name, MediaType.WEBP, "its VP8X header is too short");
                    }
                    animated = (b[data] & ANIMATION_FLAG) != 0;
                    width = 1 + Bytes.u24le(b, data + 4);
                    height = 1 + Bytes.u24le(b, data + 7);
                }
                case "VP8 " -> {
                    if (size < 10 || (b[data + 3] & 0xFF) != 0x9D || b[data + 4] != 0x01 || b[data + 5] != 0x2A) {
                        throw ImageFile.damaged(name, MediaType.WEBP, "its VP8 header is not valid");
                    }
                    width = width != 0 ? width : Bytes.u16le(b, data + 6) & 0x3FFF;
                    height = height != 0 ? height : Bytes.u16le(b, data + 8) & 0x3FFF;
                    hasPicture = true;
                }
                case "VP8L" -> {
                    if (size < 5 || (b[data] & 0xFF) != 0x2F) {
                        throw ImageFile.damaged(name, MediaType.WEBP, "its VP8L header is not valid");
                    }
                    long bits = Bytes.u32le(b, data + 1);
                    width = width != 0 ? width : (int) (bits & 0x3FFF) + 1;
                    height = height != 0 ? height : (int) ((bits >> 14) & 0x3FFF) + 1;
                    hasPicture = true;
                }
                case "ANMF" -> hasPicture = true;
                default -> {
                    // other chunks carry no picture
                }
            }
            if (KEPT.contains(fourcc)) {
                byte[] chunk = Arrays.copyOfRange(b, pos, next);
                if (fourcc.equals("VP8X")) {
                    chunk[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                }
                out.write(chunk, 0, chunk.length);
            }
            pos = next;
        }
        if (!hasPicture || width == 0 || height == 0) {
            throw ImageFile.damaged(name, MediaType.WEBP, "it holds no picture data");
        }
        byte[] clean = out.toByteArray();
        Bytes.putU32le(clean, 4, clean.length - 8L);
        return new ImageFile(MediaType.WEBP, width, height, clean, 1, animated);
    }
}
