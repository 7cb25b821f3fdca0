package org.vertebra.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Real image files for the media tests, made with ImageIO and edited at the byte level. */
final class TestImages {

    /** Text planted in metadata; a stored file must not contain it. */
    static final String SECRET = "GPS 51.5074N 0.1278W SecretCam X100";

    private TestImages() {
    }

    /** A picture with a gradient and a square in the top-left corner, so orientation can be checked. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x2A9D8F), width, height, new Color(0xF4A261)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 5), Math.max(1, height / 5));
        g.dispose();
        return image;
    }

    static byte[] png(int width, int height) {
        return write(picture(width, height), "png");
    }

    static byte[] jpeg(int width, int height) {
        return write(picture(width, height), "jpeg");
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF block (APP1) right after SOI: a big-endian TIFF directory with the
     * orientation tag, and the secret text where a camera puts its make, model and GPS position;
     * plus an XMP block and a comment.
     */
    static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] jpeg = jpeg(width, height);
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        byte[] secret = SECRET.getBytes(StandardCharsets.US_ASCII);
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // header, IFD0 at 8
        tiff.writeBytes(new byte[] {0, 1}); // one entry
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0}); // SHORT orientation
        tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        tiff.writeBytes(secret);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta><rdf:Description City=\"" + SECRET + "\"/></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        byte[] comment = SECRET.getBytes(StandardCharsets.US_ASCII);
        return concat(Arrays.copyOf(jpeg, 2), segment(0xE1, exif), segment(0xE1, xmp), segment(0xFE, comment),
                Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] segment(int marker, byte[] data) {
        int length = data.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length}, data);
    }

    /** A PNG with tEXt, iTXt and eXIf chunks carrying the secret, after IHDR. */
    static byte[] pngWithTextChunks(int width, int height) {
        byte[] png = png(width, height);
        int afterHeader = 8 + 25; // signature, IHDR (4 length + 4 type + 13 data + 4 crc)
        byte[] secret = SECRET.getBytes(StandardCharsets.ISO_8859_1);
        return concat(Arrays.copyOf(png, afterHeader),
                chunk("tEXt", concat("Comment\0".getBytes(StandardCharsets.ISO_8859_1), secret)),
                chunk("iTXt", concat("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), secret)),
                chunk("eXIf", concat(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0}, secret)),
                Arrays.copyOfRange(png, afterHeader, png.length));
    }

    /**
     * A decompression bomb: a few hundred bytes of valid PNG whose header declares a picture of
     * {@code width x height} (its data would inflate to gigabytes), with correct checksums.
     */
    static byte[] pngBomb(int width, int height) {
        byte[] png = png(1, 1);
        byte[] header = Arrays.copyOfRange(png, 16, 29); // IHDR data
        putU32be(header, 0, width);
        putU32be(header, 4, height);
        return concat(Arrays.copyOf(png, 8), chunk("IHDR", header), Arrays.copyOfRange(png, 33, png.length));
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] length = new byte[4];
        putU32be(length, 0, data.length);
        byte[] sum = new byte[4];
        putU32be(sum, 0, crc.getValue());
        return concat(length, typeBytes, data, sum);
    }

    /** An animated GIF of {@code frames} frames with a comment extension holding the secret. */
    static byte[] animatedGif(int width, int height, int frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(i % 2 == 0 ? Color.BLUE : Color.ORANGE);
                g.fillRect(0, 0, width, height);
                g.dispose();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                String format = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
                IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
                IIOMetadataNode comment = new IIOMetadataNode("CommentExtension");
                comment.setAttribute("value", SECRET);
                comments.appendChild(comment);
                root.appendChild(comments);
                metadata.setFromTree(format, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A WebP made with Debian's cwebp and webpmux (see src/test/resources/media/README.md). */
    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void putU32be(byte[] b, int at, long value) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (value >>> (8 * (3 - i)));
        }
    }
}
