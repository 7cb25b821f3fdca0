package org.vertebra.media;

import java.awt.image.BufferedImage;

/** Turns a picture upright by its EXIF orientation, so it still shows right once EXIF is gone. */
final class Orientation {

    private Orientation() {
    }

    /** The picture as it should be seen; orientations 5 to 8 swap width and height. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        int[] source = image.getRGB(0, 0, w, h, null, 0, w);
        int outW = swaps ? h : w;
        int outH = swaps ? w : h;
        int[] target = new int[source.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                target[ty * outW + tx] = source[y * w + x];
            }
        }
        BufferedImage turned = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        turned.setRGB(0, 0, outW, outH, target, 0, outW);
        return turned;
    }
}
