package org.vertebra.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks an uploaded file and prepares what the library stores, in memory: nothing touches the
 * disk or the database until every check has passed. The checks run cheapest first, so a bomb
 * is refused by its header before a single pixel is decoded.
 */
final class ImageIntake {

    /** A variant's picture, encoded, not yet stored. */
    record Encoded(MediaVariant.Size size, MediaType type, int width, int height, byte[] bytes) {
    }

    /** A file that passed every check: its original without metadata, upright, and its variants. */
    record Prepared(MediaType type, int width, int height, byte[] original, boolean animated, List<Encoded> variants) {
    }

    private final MediaLimits limits;

    ImageIntake(MediaLimits limits) {
        this.limits = limits;
    }

    Prepared prepare(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new MediaRejected(name + " is empty.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new MediaRejected(name + " is " + megabytes(bytes.length) + "; the largest file accepted is "
                    + megabytes(limits.maxBytes()) + ".");
        }
        // Sounds and videos were recognised before this: a file that reaches here is none of the three.
        MediaType type = MediaType.sniff(bytes).orElseThrow(() -> new MediaRejected(name + " is not a file the library takes"
                + MediaType.guess(bytes).map(g -> " (it looks like " + g + ")").orElse("") + ". It takes images in "
                + AcceptedTypes.names(MediaKind.IMAGE) + ", sounds in " + AcceptedTypes.names(MediaKind.AUDIO) + " and videos in "
                + AcceptedTypes.names(MediaKind.VIDEO) + "."));
        ImageFile file = switch (type) {
            case JPEG -> JpegFile.read(bytes, name);
            case PNG -> PngFile.read(bytes, name);
            case GIF -> GifFile.read(bytes, name);
            case WEBP -> WebpFile.read(bytes, name);
        };
        if (file.pixels() > limits.maxPixels()) {
            throw new MediaRejected(String.format(Locale.ROOT,
                    "%s is %d x %d pixels (%s megapixels); the largest accepted is %d megapixels. Scale it down and upload it again.",
                    name, file.width(), file.height(), megapixels(file.pixels()), limits.maxPixels() / 1_000_000));
        }
        BufferedImage picture = ImageDecoder.decode(file, name);
        byte[] original = file.clean();
        int width = file.width();
        int height = file.height();
        if (file.orientation() != 1) {
            // EXIF goes, and with it the orientation: turn the pixels instead (the only case re-encoded).
            picture = Orientation.apply(picture, file.orientation());
            original = ImageEncoder.jpeg(picture);
            width = picture.getWidth();
            height = picture.getHeight();
        }
        return new Prepared(type, width, height, original, file.animated(), variants(type, picture, width));
    }

    private static List<Encoded> variants(MediaType type, BufferedImage picture, int width) {
        MediaType output = switch (type) {
            case JPEG -> MediaType.JPEG;
            case PNG, GIF -> MediaType.PNG;
            case WEBP -> picture.getColorModel().hasAlpha() ? MediaType.PNG : MediaType.JPEG; // no WebP writer here
        };
        List<Encoded> variants = new ArrayList<>();
        for (MediaVariant.Size size : MediaVariant.Size.values()) {
            if (size.width < width) {
                BufferedImage scaled = ImageEncoder.scale(picture, size.width);
                byte[] bytes = output == MediaType.JPEG ? ImageEncoder.jpeg(scaled) : ImageEncoder.png(scaled);
                variants.add(new Encoded(size, output, scaled.getWidth(), scaled.getHeight(), bytes));
            }
        }
        return variants;
    }

    static String megabytes(long bytes) {
        double mb = Math.ceil(bytes / (1024.0 * 1024.0) * 10) / 10; // never round a file down to the limit
        return (mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f", mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, pixels >= 10_000_000 ? "%.0f" : "%.1f", pixels / 1_000_000.0);
    }
}
