package org.vertebra.media;

import java.io.ByteArrayOutputStream;

/**
 * Walks a GIF's blocks and keeps its frames, their timing and the looping block; comments,
 * plain-text blocks and other applications' blocks (XMP among them) are dropped, and so is
 * anything after the trailer. Animation is kept.
 */
final class GifFile {

    private static final int IMAGE = 0x2C;
    private static final int EXTENSION = 0x21;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL = 0xF9;
    private static final int APPLICATION = 0xFF;

    private GifFile() {
    }

    static ImageFile read(byte[] b, String name) {
        if (b.length < 13) {
            throw ImageFile.damaged(name, MediaType.GIF, "the file ends inside its header");
        }
        int width = Bytes.u16le(b, 6);
        int height = Bytes.u16le(b, 8);
        int pos = 13 + colourTableSize(b[10]);
        if (pos > b.length) {
            throw ImageFile.damaged(name, MediaType.GIF, "the file ends inside its colour table");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, pos);
        int frames = 0;
        while (true) {
            if (pos >= b.length) {
                throw ImageFile.damaged(name, MediaType.GIF, "the file ends before its trailer");
            }
            int block = b[pos] & 0xFF;
            int start = pos;
            if (block == TRAILER) {
                out.write(TRAILER);
                break;
            } else if (block == IMAGE) {
                if (pos + 11 > b.length) {
                    throw ImageFile.damaged(name, MediaType.GIF, "the file ends inside a frame");
                }
                // A frame may be larger than the screen it is drawn on; the decoder allocates for it.
                width = Math.max(width, Bytes.u16le(b, pos + 5));
                height = Math.max(height, Bytes.u16le(b, pos + 7));
                pos = subBlocks(b, pos + 11 + colourTableSize(b[pos + 9]), name);
                out.write(b, start, pos - start);
                frames++;
            } else if (block == EXTENSION && pos + 2 <= b.length) {
                int label = b[pos + 1] & 0xFF;
                pos = subBlocks(b, pos + 2, name);
                if (label == GRAPHIC_CONTROL || (label == APPLICATION && isLooping(b, start + 2))) {
                    out.write(b, start, pos - start);
                }
            } else {
                throw ImageFile.damaged(name, MediaType.GIF, "it has an unknown block");
            }
        }
        if (frames == 0 || width == 0 || height == 0) {
            throw ImageFile.damaged(name, MediaType.GIF, "it holds no picture data");
        }
        return new ImageFile(MediaType.GIF, width, height, out.toByteArray(), 1, frames > 1);
    }

    private static int colourTableSize(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);
    }

    /** Data sub-blocks: a length byte, that many bytes, and so on to a zero length. */
    private static int subBlocks(byte[] b, int pos, String name) {
        while (pos < b.length) {
            int size = b[pos] & 0xFF;
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
        throw ImageFile.damaged(name, MediaType.GIF, "the file ends inside a block");
    }

    private static boolean isLooping(byte[] b, int firstSubBlock) {
        return (b[firstSubBlock] & 0xFF) == 11
                && (Bytes.hasAscii(b, firstSubBlock + 1, "NETSCAPE2.0") || Bytes.hasAscii(b, firstSubBlock + 1, "ANIMEXTS1.0"));
    }
}
