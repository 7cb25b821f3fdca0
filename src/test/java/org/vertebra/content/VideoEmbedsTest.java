package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class VideoEmbedsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown, ImageSize.Lookup.none()).html());
    }

    @Test
    void aParagraphThatIsOnlyAYouTubeAddressBecomesAnInertPlaceholder() {
        Document html = render("Before.\n\nhttps://www.youtube.com/watch?v=abcDEF12345\n\nAfter.");
        Element figure = html.selectFirst("figure.embed");
        assertThat(figure).isNotNull();
        assertThat(figure.attr("data-embed-src")).isEqualTo("https://www.youtube-nocookie.com/embed/abcDEF12345");
        assertThat(figure.attr("data-category")).isEqualTo("marketing");
        assertThat(figure.select("figcaption a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=abcDEF12345");
        assertThat(figure.select("button.embed-load").text()).isEqualTo("Load video (accepts Marketing cookies for YouTube)");
        assertThat(html.select("iframe, script, img[src^=http], [src]")).as("nothing that loads from another host").isEmpty();
        assertThat(html.select("p").eachText()).contains("Before.", "After.");
    }

    @Test
    void aLinkAloneInItsParagraphGivesTheVideoItsTitle() {
        Element figure = render("[A gentle stretch](https://youtu.be/abcDEF12345)").selectFirst("figure.embed");
        assertThat(figure.attr("data-embed-title")).isEqualTo("A gentle stretch");
        assertThat(figure.selectFirst(".embed-title").text()).isEqualTo("A gentle stretch");
    }

    @Test
    void vimeoAddressesUseVimeosPlayer() {
        Element figure = render("https://vimeo.com/76979871").selectFirst("figure.embed");
        assertThat(figure.attr("data-embed-src")).isEqualTo("https://player.vimeo.com/video/76979871");
        assertThat(figure.attr("data-provider")).isEqualTo("Vimeo");
    }

    @Test
    void anAddressInsideASentenceStaysALink() {
        Document html = render("See https://www.youtube.com/watch?v=abcDEF12345 for more, or [this](https://vimeo.com/1) video.");
        assertThat(html.select("figure.embed")).isEmpty();
    }

    @Test
    void otherHostsAreNotEmbedded() {
        assertThat(render("https://www.youtube.evil.example/watch?v=abcDEF12345").select("figure.embed")).isEmpty();
        assertThat(render("https://example.org/vimeo.com/123").select("figure.embed")).isEmpty();
    }

    @Test
    void anEnglishPlaceholderSaysWordForWordWhatItAlwaysSaid() {
        Element figure = render("https://vimeo.com/76979871").selectFirst("figure.embed");
        assertThat(figure.selectFirst(".embed-title").text()).isEqualTo("Video on Vimeo");
        assertThat(figure.selectFirst(".embed-note").text()).isEqualTo("This video is on Vimeo. It loads only if you agree, "
                + "because Vimeo may set cookies and learn that you visited this page.");
        assertThat(figure.selectFirst(".embed-signal").text())
                .isEqualTo("Your browser asks sites not to track you, so videos from other sites do not play here.");
        assertThat(figure.select("figcaption a").text()).isEqualTo("Watch \u201cVideo on Vimeo\u201d on Vimeo");
    }

    @Test
    void aSpanishArticlesPlaceholderSpeaksSpanish() {
        Element figure = Jsoup.parseBodyFragment(renderer.render("[Un estiramiento suave](https://youtu.be/abcDEF12345)",
                ImageSize.Lookup.none(), new org.vertebra.language.Language("es")).html()).selectFirst("figure.embed");
        assertThat(figure.selectFirst(".embed-title").text()).isEqualTo("Un estiramiento suave");
        assertThat(figure.selectFirst(".embed-note").text()).startsWith("Este vídeo está en YouTube. Solo se carga si usted lo acepta");
        assertThat(figure.select("button.embed-load").text()).isEqualTo("Cargar el vídeo (acepta las cookies de Marketing de YouTube)");
        assertThat(figure.select("figcaption a").text()).isEqualTo("Ver «Un estiramiento suave» en YouTube");
    }
}
