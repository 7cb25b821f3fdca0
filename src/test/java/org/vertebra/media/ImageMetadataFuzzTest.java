package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertebra.support.FuzzCorpus;

/**
 * Uploaded JPEG and WebP files are walked segment by segment to strip their metadata before
 * anything decodes them: whatever the bytes, {@link JpegFile} and {@link WebpFile} either give a
 * clean file (which reads again the same, with nothing left to strip) or refuse it with a
 * {@link MediaRejected} that says what is damaged, and never take long. The corpora are
 * {@code src/test/resources/fuzz/jpeg/} and {@code fuzz/webp/}.
 */
class ImageMetadataFuzzTest {

    static Stream<Named<byte[]>> jpegCorpus() {
        return FuzzCorpus.of("jpeg");
    }

    static Stream<Named<byte[]>> webpCorpus() {
        return FuzzCorpus.of("webp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jpegCorpus")
    void everyJpegOfTheCorpusIsCleanedOrRefusedInWords(byte[] input) {
        FuzzCorpus.withinTimeLimit(() -> checkJpeg(input));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webpCorpus")
    void everyWebpOfTheCorpusIsCleanedOrRefusedInWords(byte[] input) {
        FuzzCorpus.withinTimeLimit(() -> checkWebp(input));
    }

    /** Coverage-guided fuzzing with Jazzer: {@code bench/fuzz.sh} runs it for a set time. */
    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void fuzzJpeg(byte[] input) {
        checkJpeg(input);
    }

    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void fuzzWebp(byte[] input) {
        checkWebp(input);
    }

    /** Bytes reach the JPEG reader only when they start as a JPEG does, as an upload does. */
    static void checkJpeg(byte[] input) {
        if (MediaType.sniff(input).orElse(null) != MediaType.JPEG) {
            return;
        }
        ImageFile file = readOrRefuse(() -> JpegFile.read(input, "upload.jpg"));
        if (file != null) {
            ImageFile again = JpegFile.read(file.clean(), "upload.jpg");
            assertCleanedOnce(file, again);
        }
    }

    static void checkWebp(byte[] input) {
        if (MediaType.sniff(input).orElse(null) != MediaType.WEBP) {
            return;
        }
        ImageFile file = readOrRefuse(() -> WebpFile.read(input, "upload.webp"));
        if (file != null) {
            ImageFile again = WebpFile.read(file.clean(), "upload.webp");
            assertCleanedOnce(file, again);
        }
    }

    private static ImageFile readOrRefuse(java.util.function.Supplier<ImageFile> read) {
        try {
            ImageFile file = read.get();
            assertThat(file.width()).isPositive();
            assertThat(file.height()).isPositive();
            assertThat(file.orientation()).isBetween(1, 8);
            return file;
        } catch (MediaRejected refused) {
            assertThat(refused.getMessage()).contains("upload.").contains("damaged");
            return null;
        }
    }

    /** The clean file holds no metadata left to strip: reading it again changes nothing. */
    private static void assertCleanedOnce(ImageFile first, ImageFile again) {
        assertThat(again.clean()).as("the clean file, read again").isEqualTo(first.clean());
        assertThat(again.width()).isEqualTo(first.width());
        assertThat(again.height()).isEqualTo(first.height());
        assertThat(again.orientation()).as("no EXIF orientation left").isEqualTo(1);
    }
}
