package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Galleries and players as the import writes them (docs/galleries-and-players.md) pass the sanitizer whole; nothing else rides along. */
class GalleriesAndPlayersRenderingTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown, ImageSize.Lookup.none()).html());
    }

    private static final String GALLERY = """
            <figure class="gallery gallery-columns-2">

            <figure>

            ![Front of a knee](/media/2024/05/knee-front.jpg)

            <figcaption>Front view</figcaption>
            </figure>

            <figure>

            ![Side of a knee](/media/2024/05/knee-side.jpg)

            </figure>

            <figcaption>Two views of the same knee</figcaption>
            </figure>
            """;

    @Test
    void galleryRendersAsAFigureOfCaptionedImages() {
        Document page = render("Before.\n\n" + GALLERY + "\nAfter.\n");
        Element gallery = page.selectFirst("figure.gallery");
        assertThat(gallery).isNotNull();
        assertThat(gallery.className()).isEqualTo("gallery gallery-columns-2");
        assertThat(gallery.select("> figure")).hasSize(2);
        assertThat(gallery.select("> figure img").eachAttr("alt")).containsExactly("Front of a knee", "Side of a knee");
        assertThat(gallery.select("> figure img").eachAttr("src"))
                .containsExactly("/media/2024/05/knee-front.jpg", "/media/2024/05/knee-side.jpg");
        assertThat(gallery.select("> figure > figcaption").eachText()).containsExactly("Front view");
        assertThat(gallery.select("> figcaption").text()).isEqualTo("Two views of the same knee");
        assertThat(page.select("p").eachText()).contains("Before.", "After.");
    }

    @Test
    void onlyTheGalleryClassesPassTheSanitizer() {
        Document page = render("<figure class=\"gallery gallery-columns-9\">\n\n![x](/media/a.jpg)\n\n</figure>\n\n"
                + "<figure class=\"evil\">\n\n![y](/media/b.jpg)\n\n</figure>\n\n<div class=\"gallery\">z</div>\n\n"
                + "<figure class=\"gallery\" style=\"position:fixed\" onclick=\"x()\">\n\n![w](/media/c.jpg)\n\n</figure>\n");
        assertThat(page.select("[class]").eachAttr("class")).containsExactly("gallery");
        assertThat(page.select("[style], [onclick]")).isEmpty();
    }

    @Test
    void audioAndVideoPlayersOfTheMediaLibraryRenderWithControls() {
        Document page = render("""
                <figure>
                <audio controls preload="metadata" src="/media/2024/05/breathing.mp3"><a href="/media/2024/05/breathing.mp3">breathing.mp3</a></audio>
                <figcaption>A breathing exercise</figcaption>
                </figure>

                <figure>
                <video controls preload="metadata" poster="/media/2024/05/stretch-poster.jpg"><source src="/media/2024/05/stretch.mp4"><source src="/media/2024/05/stretch.webm"><a href="/media/2024/05/stretch.mp4">stretch.mp4</a></video>
                </figure>
                """);
        Element audio = page.selectFirst("figure > audio");
        assertThat(audio).isNotNull();
        assertThat(audio.hasAttr("controls")).isTrue();
        assertThat(audio.attr("src")).isEqualTo("/media/2024/05/breathing.mp3");
        assertThat(audio.attr("preload")).isEqualTo("metadata");
        assertThat(audio.selectFirst("a").attr("href")).isEqualTo("/media/2024/05/breathing.mp3");
        assertThat(page.selectFirst("audio + figcaption").text()).isEqualTo("A breathing exercise");
        Element video = page.selectFirst("figure > video");
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("poster")).isEqualTo("/media/2024/05/stretch-poster.jpg");
        assertThat(video.select("source").eachAttr("src")).containsExactly("/media/2024/05/stretch.mp4", "/media/2024/05/stretch.webm");
    }

    @Test
    void playersLoadNothingFromOtherHostsNeverAutoplayAndAlwaysShowControls() {
        Document page = render("""
                <audio autoplay loop src="https://tracker.example.com/a.mp3" onplay="x()"></audio>

                <video muted autoplay preload="auto" poster="https://tracker.example.com/p.jpg"><source src="//tracker.example.com/v.mp4"><source src="/media/../secret"></video>

                <audio src="/media/2024/05/breathing.mp3"></audio>
                """);
        assertThat(page.select("audio, video")).hasSize(3).allSatisfy(player -> {
            assertThat(player.hasAttr("controls")).isTrue();
            assertThat(player.attributes().asList()).allSatisfy(a ->
                    assertThat(a.getKey()).isIn("controls", "src", "preload", "poster"));
        });
        assertThat(page.select("[src]").eachAttr("src")).containsExactly("/media/2024/05/breathing.mp3");
        assertThat(page.select("[poster], [preload], [autoplay], [onplay]")).isEmpty();
    }
}
