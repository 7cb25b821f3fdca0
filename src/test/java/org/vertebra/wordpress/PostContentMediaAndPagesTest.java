package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Galleries, audio, video, page breaks and the "more" mark, in snippets written as WordPress
 * writes them (classic shortcodes, and blocks as the block editor of WordPress 5.3 to 6.x saves them).
 */
class PostContentMediaAndPagesTest {

    private static final String SITE = "http://localhost:8080/wp-content/uploads/2024/05/";

    private static UploadLinks library() {
        UploadLinks links = new UploadLinks();
        links.add("2024/05/knee-front.jpg", "/media/2024/05/knee-front.jpg");
        links.add("2024/05/knee-side.jpg", "/media/2024/05/knee-side.jpg");
        links.add("2024/05/breathing.mp3", "/media/2024/05/breathing.mp3");
        links.add("2024/05/breathing.ogg", "/media/2024/05/breathing.ogg");
        links.add("2024/05/stretch.mp4", "/media/2024/05/stretch.mp4");
        links.add("2024/05/stretch-poster.jpg", "/media/2024/05/stretch-poster.jpg");
        return links;
    }

    /** Attachments 12 and 13 (images of post 7), 14 (an image of post 7 without alt text), 20 (a recording). */
    private static final MediaShortcodes.Images IMAGES = new MediaShortcodes.Images() {
        private final ImportRun.Picture front = new ImportRun.Picture(1, "/media/2024/05/knee-front.jpg", "Front of a knee", "Front view", true);
        private final ImportRun.Picture side = new ImportRun.Picture(2, "/media/2024/05/knee-side.jpg", "Side of a knee", "", true);
        private final ImportRun.Picture back = new ImportRun.Picture(3, "/media/2024/05/knee-back.jpg", "Back of a knee", "", true);
        private final ImportRun.Picture audio = new ImportRun.Picture(4, "/media/2024/05/breathing.mp3", "", "", false);

        @Override
        public Optional<ImportRun.Picture> byId(long id) {
            return Optional.ofNullable(id == 12 ? front : id == 13 ? side : id == 14 ? back : id == 20 ? audio : null);
        }

        @Override
        public List<ImportRun.Picture> attachedTo(long postId) {
            return postId == 0 ? List.of(front, side, back) : List.of();
        }
    };

    private static String markdown(String content) {
        return PostContent.toMarkdown(content, library(), IMAGES).markdown();
    }

    private static final String TWO_IMAGES = """
            <figure>

            ![Front of a knee](/media/2024/05/knee-front.jpg)

            <figcaption>Front view</figcaption>
            </figure>

            <figure>

            ![Side of a knee](/media/2024/05/knee-side.jpg)

            </figure>
            """;

    @Test
    void classicGalleryShortcodeBecomesAGalleryOfTheImportedImagesWithAltTextAndCaptions() {
        String md = markdown("Two views of the knee.\n\n[gallery columns=\"2\" size=\"medium\" ids=\"12,13\"]\n\nAfter.");
        assertThat(md).isEqualTo("Two views of the knee.\n\n<figure class=\"gallery gallery-columns-2\">\n\n" + TWO_IMAGES
                + "\n</figure>\n\nAfter.\n");
    }

    @Test
    void classicGalleryWithoutIdsShowsThePostsAttachedImagesInThreeColumns() {
        assertThat(markdown("[gallery]")).startsWith("<figure class=\"gallery gallery-columns-3\">\n\n" + TWO_IMAGES)
                .contains("![Back of a knee](/media/2024/05/knee-back.jpg)");
        assertThat(markdown("[gallery include=\"13\"]")).contains("knee-side.jpg").doesNotContain("knee-front.jpg");
        assertThat(markdown("[gallery exclude=\"12,14\"]")).contains("knee-side.jpg").doesNotContain("knee-front.jpg")
                .doesNotContain("knee-back.jpg");
    }

    @Test
    void galleryShortcodeIsKnownSoTheReportDoesNotListIt() {
        assertThat(PostContent.toMarkdown("[gallery ids=\"12\"] [audio src=\"x.mp3\"] [video src=\"x.mp4\"]", library(), IMAGES)
                .unknownShortcodes()).isEmpty();
    }

    @Test
    void galleryBlockWithNestedImagesBecomesTheSameGallery() {
        String md = markdown("""
                <!-- wp:gallery {"columns":2,"linkTo":"none"} -->
                <figure class="wp-block-gallery has-nested-images columns-2 is-cropped"><!-- wp:image {"id":12,"sizeSlug":"large","linkDestination":"none"} -->
                <figure class="wp-block-image size-large"><img src="%sknee-front-1024x768.jpg" alt="Front of a knee" class="wp-image-12"/><figcaption class="wp-element-caption">Front view</figcaption></figure>
                <!-- /wp:image -->

                <!-- wp:image {"id":13,"sizeSlug":"large","linkDestination":"none"} -->
                <figure class="wp-block-image size-large"><img src="%sknee-side.jpg" alt="Side of a knee" class="wp-image-13"/></figure>
                <!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">Two views of the same knee</figcaption></figure>
                <!-- /wp:gallery -->
                """.formatted(SITE, SITE));
        assertThat(md).isEqualTo("<figure class=\"gallery gallery-columns-2\">\n\n" + TWO_IMAGES
                + "\n<figcaption>Two views of the same knee</figcaption>\n</figure>\n");
    }

    @Test
    void olderGalleryBlockWithItsListOfImagesBecomesTheSameGallery() {
        String md = markdown("""
                <!-- wp:gallery {"ids":[12,13],"columns":2,"linkTo":"none"} -->
                <figure class="wp-block-gallery columns-2 is-cropped"><ul class="blocks-gallery-grid"><li class="blocks-gallery-item"><figure><img src="%sknee-front-1024x768.jpg" alt="Front of a knee" data-id="12" data-full-url="%sknee-front.jpg" data-link="http://localhost:8080/?attachment_id=12" class="wp-image-12"/><figcaption class="blocks-gallery-item__caption">Front view</figcaption></figure></li><li class="blocks-gallery-item"><figure><img src="%sknee-side.jpg" alt="Side of a knee" data-id="13" data-full-url="%sknee-side.jpg" data-link="http://localhost:8080/?attachment_id=13" class="wp-image-13"/></figure></li></ul><figcaption class="blocks-gallery-caption">Two views of the same knee</figcaption></figure>
                <!-- /wp:gallery -->
                """.formatted(SITE, SITE, SITE, SITE));
        assertThat(md).isEqualTo("<figure class=\"gallery gallery-columns-2\">\n\n" + TWO_IMAGES
                + "\n<figcaption>Two views of the same knee</figcaption>\n</figure>\n");
    }

    @Test
    void audioShortcodeAndBlockBecomeANativePlayerOfTheLibrarysFile() {
        String player = "<audio controls preload=\"metadata\" src=\"/media/2024/05/breathing.mp3\">"
                + "<a href=\"/media/2024/05/breathing.mp3\">breathing.mp3</a></audio>";
        assertThat(markdown("Listen:\n\n[audio mp3=\"" + SITE + "breathing.mp3\"][/audio]"))
                .isEqualTo("Listen:\n\n<figure>\n" + player + "\n</figure>\n");
        assertThat(markdown("""
                <!-- wp:audio {"id":20} -->
                <figure class="wp-block-audio"><audio controls src="%sbreathing.mp3"></audio><figcaption class="wp-element-caption">A breathing exercise</figcaption></figure>
                <!-- /wp:audio -->
                """.formatted(SITE))).isEqualTo("<figure>\n" + player + "\n<figcaption>A breathing exercise</figcaption>\n</figure>\n");
    }

    @Test
    void audioShortcodeWithSeveralFormatsKeepsEachAsASource() {
        assertThat(markdown("[audio mp3=\"" + SITE + "breathing.mp3\" ogg=\"" + SITE + "breathing.ogg\"]"))
                .contains("<audio controls preload=\"metadata\"><source src=\"/media/2024/05/breathing.mp3\">"
                        + "<source src=\"/media/2024/05/breathing.ogg\"><a href=\"/media/2024/05/breathing.mp3\">");
    }

    @Test
    void videoShortcodeAndBlockBecomeANativePlayerWithItsPoster() {
        String player = "<video controls preload=\"metadata\" poster=\"/media/2024/05/stretch-poster.jpg\" "
                + "src=\"/media/2024/05/stretch.mp4\"><a href=\"/media/2024/05/stretch.mp4\">stretch.mp4</a></video>";
        assertThat(markdown("[video width=\"1280\" height=\"720\" poster=\"" + SITE + "stretch-poster.jpg\" mp4=\"" + SITE
                + "stretch.mp4\"][/video]")).isEqualTo("<figure>\n" + player + "\n</figure>\n");
        assertThat(markdown("""
                <!-- wp:video {"id":21} -->
                <figure class="wp-block-video"><video controls poster="%sstretch-poster.jpg" src="%sstretch.mp4"></video><figcaption class="wp-element-caption">A calf stretch</figcaption></figure>
                <!-- /wp:video -->
                """.formatted(SITE, SITE))).isEqualTo("<figure>\n" + player + "\n<figcaption>A calf stretch</figcaption>\n</figure>\n");
    }

    @Test
    void classicAudioAndVideoTagsOfUploadedFilesBecomePlayers() {
        assertThat(markdown("<audio controls src=\"" + SITE + "breathing.mp3\"></audio>\n\n<video src=\"" + SITE + "stretch.mp4\"></video>"))
                .contains("<audio controls preload=\"metadata\" src=\"/media/2024/05/breathing.mp3\">")
                .contains("<video controls preload=\"metadata\" src=\"/media/2024/05/stretch.mp4\">");
    }

    @Test
    void audioOnAnotherHostStaysALinkAndIsNamedForTheReport() {
        PostContent.Converted converted = PostContent.toMarkdown(
                "[audio src=\"https://podcasts.example.org/episode-4.mp3\"]", library(), IMAGES);
        assertThat(converted.markdown()).isEqualTo("[Listen to the recording](https://podcasts.example.org/episode-4.mp3)\n")
                .doesNotContain("<audio");
        assertThat(converted.outsideFiles()).containsExactly("https://podcasts.example.org/episode-4.mp3");
    }

    @Test
    void classicPagesJoinIntoOneTextAndAreCounted() {
        PostContent.Converted converted = PostContent.toMarkdown("Page one.\n<!--nextpage-->\nPage two.<!--nextpage-->Page three.",
                library(), IMAGES);
        assertThat(converted.markdown()).isEqualTo("Page one.\n\nPage two.\n\nPage three.\n");
        assertThat(converted.pages()).isEqualTo(3);
    }

    @Test
    void blockPageBreaksJoinIntoOneTextAndAreCounted() {
        PostContent.Converted converted = PostContent.toMarkdown("""
                <!-- wp:paragraph -->
                <p>Page one.</p>
                <!-- /wp:paragraph -->

                <!-- wp:nextpage -->
                <!--nextpage-->
                <!-- /wp:nextpage -->

                <!-- wp:paragraph -->
                <p>Page two.</p>
                <!-- /wp:paragraph -->
                """, library(), IMAGES);
        assertThat(converted.markdown()).isEqualTo("Page one.\n\nPage two.\n");
        assertThat(converted.pages()).isEqualTo(2);
        assertThat(PostContent.toMarkdown("<p>One page.</p>", library()).pages()).isEqualTo(1);
    }

    @Test
    void moreMarkGoesWithoutLeavingText() {
        assertThat(markdown("The teaser.\n<!--more-->\nThe rest.")).isEqualTo("The teaser.\n\nThe rest.\n");
        assertThat(markdown("The teaser.<!--more Keep reading about knees-->\n\nThe rest.")).isEqualTo("The teaser.\n\nThe rest.\n");
        assertThat(markdown("""
                <!-- wp:paragraph -->
                <p>The teaser.</p>
                <!-- /wp:paragraph -->

                <!-- wp:more {"customText":"Keep reading about knees"} -->
                <!--more Keep reading about knees-->
                <!-- /wp:more -->

                <!-- wp:paragraph -->
                <p>The rest.</p>
                <!-- /wp:paragraph -->
                """)).isEqualTo("The teaser.\n\nThe rest.\n");
    }
}
