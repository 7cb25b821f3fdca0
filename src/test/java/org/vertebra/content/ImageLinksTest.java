package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLinksTest {

    @Test
    void findsImageDestinationsWithTheirZeroBasedBodyLine() {
        String body = "Intro.\n\n![Heel](images/heel.jpg \"The heel\")\n\nSee ![x](https://example.org/a.png) here.\n";

        assertThat(ImageLinks.find(body)).containsExactly(
                new ImageLinks.Found("images/heel.jpg", "Heel", 2),
                new ImageLinks.Found("https://example.org/a.png", "x", 4));
    }

    @Test
    void findsAReferenceStyleImageOnTheLineThatShowsIt() {
        String body = "Text\n![Heel][heel]\n\n[heel]: images/heel.jpg\n";

        assertThat(ImageLinks.find(body)).containsExactly(new ImageLinks.Found("images/heel.jpg", "Heel", 1));
    }

    @Test
    void findsImagesInsideLinksAndTables() {
        String body = "[![thumb](thumb.png)](big.png)\n\n| Pose | Photo |\n|---|---|\n| Lunge | ![l](lunge.jpg) |\n";

        assertThat(ImageLinks.find(body)).containsExactly(
                new ImageLinks.Found("thumb.png", "thumb", 0),
                new ImageLinks.Found("lunge.jpg", "l", 4));
    }

    @Test
    void givesTheAltTextAsPlainTextAndEmptyWhenNone() {
        String body = "![The *plantar* fascia, `side` view](a.png) and ![](b.png)\n";

        assertThat(ImageLinks.find(body)).containsExactly(
                new ImageLinks.Found("a.png", "The plantar fascia, side view", 0),
                new ImageLinks.Found("b.png", "", 0));
    }

    @Test
    void ignoresPlainLinksAndImagesInCode() {
        String body = "[the leaflet](leaflet.pdf)\n\n    ![not](an-image.png)\n\n`![nor](this.png)`\n";

        assertThat(ImageLinks.find(body)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"heel.jpg", "images/heel.jpg", "../shared/heel.png", "my%20photo.jpg"})
    void treatsFilesBesideTheMarkdownAsLocal(String destination) {
        assertThat(ImageLinks.isLocal(destination)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a.png", "http://example.org/a.png", "/media/2024/a.png", "#figure-1",
            "", "   ", "data:image/png;base64,iVBOR", "mailto:jane@example.org"})
    void treatsWebAndSiteAddressesAsNotLocal(String destination) {
        assertThat(ImageLinks.isLocal(destination)).isFalse();
    }

    @Test
    void rewritesAnInlineImageDestination() {
        assertThat(ImageLinks.rewrite("![Heel](images/heel.jpg)", Map.of("images/heel.jpg", "/media/heel.jpg")))
                .isEqualTo("![Heel](/media/heel.jpg)");
    }

    @Test
    void keepsTheTitleAndAngleBracketsAroundARewrittenDestination() {
        String body = "![Heel](images/heel.jpg \"The heel\")\n![Heel](<images/heel.jpg>)";

        assertThat(ImageLinks.rewrite(body, Map.of("images/heel.jpg", "/media/heel.jpg")))
                .isEqualTo("![Heel](/media/heel.jpg \"The heel\")\n![Heel](</media/heel.jpg>)");
    }

    @Test
    void rewritesAReferenceDefinition() {
        String body = "![Heel][heel]\n\n[heel]: images/heel.jpg \"The heel\"\n";

        assertThat(ImageLinks.rewrite(body, Map.of("images/heel.jpg", "/media/heel.jpg")))
                .isEqualTo("![Heel][heel]\n\n[heel]: /media/heel.jpg \"The heel\"\n");
    }

    @Test
    void rewritesEveryImageGivenAndEveryPlaceItIsShown() {
        Map<String, String> moved = new LinkedHashMap<>();
        moved.put("heel.jpg", "/media/heel.jpg");
        moved.put("knee.png", "/media/knee.png");
        String body = "![a](heel.jpg)\n\n![b](knee.png)\n\n![c](heel.jpg)";

        assertThat(ImageLinks.rewrite(body, moved))
                .isEqualTo("![a](/media/heel.jpg)\n\n![b](/media/knee.png)\n\n![c](/media/heel.jpg)");
    }

    @Test
    void leavesOtherTextAlone() {
        String body = "The file images/heel.jpg is shown below.\n"
                + "![a](images/heel.jpg.bak) ![b](old/images/heel.jpg) ![c](https://example.org/images/heel.jpg)\n";

        assertThat(ImageLinks.rewrite(body, Map.of("images/heel.jpg", "/media/heel.jpg"))).isEqualTo(body);
    }

    @Test
    void writesNewDestinationsLiterally() {
        assertThat(ImageLinks.rewrite("![a](heel.jpg)", Map.of("heel.jpg", "/media/$1\\x.jpg")))
                .isEqualTo("![a](/media/$1\\x.jpg)");
    }

    @Test
    void rewritesNothingWhenNothingMoved() {
        assertThat(ImageLinks.rewrite("![a](heel.jpg)", Map.of())).isEqualTo("![a](heel.jpg)");
    }
}
