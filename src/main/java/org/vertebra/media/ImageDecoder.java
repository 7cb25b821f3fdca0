package org.vertebra.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes every pixel of an image (the first frame of an animation), so a file that only looks
 * right at its start is refused. ImageIO reports some damage, such as a JPEG that ends early, as a
 * warning while returning a half-grey picture; a warning counts as damage here.
 */
final class ImageDecoder {

    static {
        ImageIO.setUseCache(false); // decode in memory, never through temporary files
    }

    private ImageDecoder() {
    }

    static BufferedImage decode(ImageFile file, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(file.type().formatName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + file.type().label + " in this build");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file.clean()))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            // The pixel limit was checked on the container's header; the decoder must agree with it.
            if ((long) reader.getWidth(0) * reader.getHeight(0) > file.pixels()) {
                throw ImageFile.damaged(name, file.type(), "its picture is larger than its header says");
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw ImageFile.damaged(name, file.type(), decoderSays(warnings.get(0)));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRejected rejected) {
                throw rejected;
            }
            if ("Unsupported Image Type".equals(e.getMessage())) { // the JDK's word for a CMYK or YCCK JPEG
                throw new MediaRejected(name + " is a " + file.type().label + " in a colour model made for print (such as"
                        + " CMYK); export it as an RGB (sRGB) image and upload it again.");
            }
            throw ImageFile.damaged(name, file.type(), decoderSays(e.getMessage()));
        } finally {
            reader.dispose();
        }
    }

    private static String decoderSays(String message) {
        return message == null || message.isBlank() ? "its picture data cannot be decoded"
                : "its picture data cannot be decoded (" + message.strip() + ")";
    }
}
