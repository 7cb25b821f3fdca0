package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Uploads into the library of a real site on SQLite: what is stored, and that a refused file stores nothing. */
class MediaUploadTest {

    private static final Clock JUNE = Clock.fixed(Instant.parse("2024-06-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private TestSite testSite;
    private MediaLibrary media;

    @BeforeEach
    void open() {
        testSite = TestSite.open(TestDatabase.SQLITE, temp, JUNE);
        media = testSite.site().media;
    }

    @AfterEach
    void close() {
        testSite.close();
    }

    static Stream<Arguments> refusedFiles() {
        byte[] png = TestImages.png(400, 300);
        return Stream.of(
                Arguments.of("a script named .jpg", "photo.jpg", "#!/bin/sh\nrm -rf ~\n".getBytes(),
                        ImageIntakeTest.NOT_TAKEN),
                Arguments.of("a PNG cut in half", "scan.png", Arrays.copyOf(png, png.length / 2),
                        "scan.png is damaged or incomplete"),
                Arguments.of("a decompression bomb", "bomb.png", TestImages.pngBomb(50_000, 50_000),
                        "bomb.png is 50000 x 50000 pixels (2500 megapixels); the largest accepted is 50 megapixels."),
                Arguments.of("an empty file", "empty.jpg", new byte[0], "empty.jpg is empty."),
                Arguments.of("an over-size file", "huge.png", TestImages.concat(png, new byte[10 * 1024 * 1024]),
                        "huge.png is 10.1 MB; the largest file accepted is 10 MB."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void refusedFileIsExplainedAndNothingIsStored(String what, String name, byte[] content, String message) {
        assertThatThrownBy(() -> media.upload(new MediaUpload(name, content, "A description")))
                .isInstanceOf(MediaRejected.class)
                .hasMessageStartingWith(message);

        assertThat(storedFiles()).isEmpty();
        assertThat(rows("media")).isZero();
        assertThat(rows("media_variants")).isZero();
    }

    @Test
    void uploadStoresTheCleanOriginalAndItsVariantsBesideIt() throws IOException {
        MediaItem item = media.upload(new MediaUpload("Heel Pain.JPG", TestImages.jpegWithExif(1600, 900, 1), "A sore heel"));

        assertThat(item.path()).isEqualTo("2024/06/heel-pain.jpg");
        assertThat(item.contentType()).isEqualTo("image/jpeg");
        assertThat(item.width()).isEqualTo(1600);
        assertThat(item.alt()).isEqualTo("A sore heel");
        assertThat(item.variants()).extracting(MediaVariant::path).containsExactly(
                "2024/06/heel-pain-150w.jpg", "2024/06/heel-pain-640w.jpg", "2024/06/heel-pain-1280w.jpg");
        assertThat(storedFiles()).containsExactlyInAnyOrder("2024/06/heel-pain.jpg", "2024/06/heel-pain-150w.jpg",
                "2024/06/heel-pain-640w.jpg", "2024/06/heel-pain-1280w.jpg");
        byte[] stored = media.file(item.path()).orElseThrow();
        assertThat(TestImages.contains(stored, TestImages.SECRET)).isFalse();
        assertThat(stored).hasSize((int) item.byteSize());
        assertThat(media.byId(item.id())).contains(item);
        assertThat(item.srcset()).isEqualTo("/media/2024/06/heel-pain-150w.jpg 150w, /media/2024/06/heel-pain-640w.jpg 640w, "
                + "/media/2024/06/heel-pain-1280w.jpg 1280w, /media/2024/06/heel-pain.jpg 1600w");
    }

    @Test
    void aPngNamedJpgIsStoredAsThePngItIs() {
        MediaItem item = media.upload(new MediaUpload("disguised.jpg", TestImages.png(200, 100), null));

        assertThat(item.path()).isEqualTo("2024/06/disguised.png");
        assertThat(item.contentType()).isEqualTo("image/png");
        assertThat(item.alt()).isNull();
    }

    @Test
    void webpIsStoredAsWebpWithJpegVariants() {
        MediaItem item = media.upload(new MediaUpload("knee.webp", TestImages.resource("with-metadata.webp"), "A knee"));

        assertThat(item.contentType()).isEqualTo("image/webp");
        assertThat(item.path()).isEqualTo("2024/06/knee.webp");
        assertThat(item.variants()).extracting(MediaVariant::path, MediaVariant::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024/06/knee-150w.jpg", "image/jpeg"));
    }

    @Test
    void animatedGifOffersNoSrcsetSinceItsVariantsAreStills() {
        MediaItem item = media.upload(new MediaUpload("wave.gif", TestImages.animatedGif(400, 200, 2), "A wave"));

        assertThat(item.animated()).isTrue();
        assertThat(item.variants()).isNotEmpty();
        assertThat(media.byId(item.id()).orElseThrow().srcset()).isNull();
    }

    @Test
    void variantNamesNeverCollideWithAnotherUploadsFiles() {
        media.upload(new MediaUpload("heel-150w.png", TestImages.png(100, 100), null));

        MediaItem heel = media.upload(new MediaUpload("heel.png", TestImages.png(300, 200), null));

        assertThat(heel.path()).isEqualTo("2024/06/heel-2.png");
        assertThat(heel.variants()).extracting(MediaVariant::path).containsExactly("2024/06/heel-2-150w.png");
    }

    @Test
    void theSameFileIsStoredOnceAndGainsAltTextItLacked() {
        MediaItem first = media.upload(new MediaUpload("a.png", TestImages.png(300, 200), null));
        MediaItem again = media.upload(new MediaUpload("b.png", TestImages.png(300, 200), "A chart"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.alt()).isEqualTo("A chart");
        assertThat(rows("media")).isEqualTo(1);
    }

    @Test
    void aStreamLargerThanTheLimitIsRefusedWithoutReadingItAll() {
        byte[] big = TestImages.concat(TestImages.png(10, 10), new byte[11 * 1024 * 1024]);

        assertThatThrownBy(() -> media.upload("C:\\Users\\jo\\big.png", new ByteArrayInputStream(big), null))
                .hasMessage("big.png is larger than 10 MB, the largest file accepted.");
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    void tooLongAltTextIsRefused() {
        assertThatThrownBy(() -> media.upload(new MediaUpload("a.png", TestImages.png(10, 10), "x".repeat(1001))))
                .hasMessageStartingWith("The alt text is 1001 characters; the longest accepted is 1000.");
        assertThat(rows("media")).isZero();
    }

    @Test
    void anArticleCannotBePublishedWhileAnImageItShowsLacksAltText() {
        MediaItem featured = media.upload(new MediaUpload("featured.png", TestImages.png(300, 200), null));
        MediaItem described = media.upload(new MediaUpload("diagram.png", TestImages.png(301, 200), "A diagram"));
        MediaItem bare = media.upload(new MediaUpload("bare.png", TestImages.png(302, 200), null));
        MediaItem namedInBody = media.upload(new MediaUpload("named.png", TestImages.png(303, 200), null));
        String body = "![](" + described.url() + ")\n\n![](" + bare.url() + ")\n\n![The knee from the side](" + namedInBody.url()
                + ")\n\n![](https://example.org/elsewhere.png)\n";

        List<MediaItem> missing = media.missingAltText(featured.id(), body);

        assertThat(missing).extracting(MediaItem::id).containsExactly(featured.id(), bare.id());
        media.describe(featured.id(), "A sore heel");
        media.describe(bare.id(), "An X-ray of a wrist");
        assertThat(media.missingAltText(featured.id(), body)).isEmpty();
        assertThat(media.withoutAltText(List.of(namedInBody.url(), described.url()))).extracting(MediaItem::id)
                .containsExactly(namedInBody.id());
    }

    private List<String> storedFiles() {
        Path dir = testSite.site().settings.mediaDir();
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long rows(String table) {
        return testSite.site().database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Long.class).one());
    }
}
