package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostContentTest {

    private static UploadLinks library() {
        UploadLinks links = new UploadLinks();
        links.add("2023/03/spine-model.jpg", "/media/spine-model.jpg");
        links.add("2024/05/knee-diagram.png", "/media/knee-diagram.png");
        return links;
    }

    @Test
    void classicPostBecomesParagraphsHeadingsListsAndACaptionedFigure() {
        String md = PostContent.toMarkdown(WordPressFixture.item("low-back-pain-demo").content(), library()).markdown();
        assertThat(md).contains("Staying **gently active** usually helps more than bed rest, and *heat* may ease the ache.")
                .contains("\n## When to see a doctor\n")
                .contains("\n- Pain that wakes you at night\n- Weakness in a leg\n")
                .contains("<figure>\n\n![Plastic model of a lumbar spine](/media/spine-model.jpg)\n\n"
                        + "<figcaption>A demo spine model, seen from the side.</figcaption>\n</figure>")
                .doesNotContain("wp-content/uploads").doesNotContain("srcset").doesNotContain("[caption");
    }

    @Test
    void classicEmbedsAndBareVideoLinesBecomeAParagraphOfTheVideoAddressAlone() {
        String md = PostContent.toMarkdown(WordPressFixture.item("low-back-pain-demo").content(), library()).markdown();
        assertThat(md).contains("\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n")
                .contains("\n\nhttps://vimeo.com/76979871\n\n").doesNotContain("[embed");
    }

    @Test
    void unknownShortcodeStaysVisibleAndIsNamed() {
        PostContent.Converted converted = PostContent.toMarkdown(WordPressFixture.item("low-back-pain-demo").content(), library());
        assertThat(converted.unknownShortcodes()).containsExactly("demo_callout");
        assertThat(converted.markdown()).contains("\\[demo_callout type=\"note\"\\]Ask the clinic about our demo back class.\\[/demo_callout\\]");
    }

    @Test
    void trailingReferencesBecomeTheReferencesSection() {
        String md = PostContent.toMarkdown(WordPressFixture.item("low-back-pain-demo").content(), library()).markdown();
        assertThat(md).contains("## References\n\n1. Demo A, Example B. A demo trial of staying active with back pain. "
                + "Demo J Spine. 2019;12(3):45-52. doi: 10.1234/demo.2019.045. PMID: 31234567\n");
    }

    @Test
    void blockPostKeepsEveryBlockAsMarkdown() {
        String md = PostContent.toMarkdown(WordPressFixture.item("knee-exercises-demo").content(), library()).markdown();
        assertThat(md).doesNotContain("<!--").doesNotContain("wp-block")
                .contains("## Three gentle exercises\n")
                .contains("1. Straight-leg raise, ten times\n2. Heel slides, ten times\n3. Mini squats holding a chair\n")
                .contains("![Diagram of a knee joint with the cartilage shaded](/media/knee-diagram.png)")
                .contains("<figcaption>Demo diagram of the knee joint.</figcaption>")
                .contains("### How often\n")
                .contains("| Exercise | Days a week |\n| --- | --- |\n| Straight-leg raise | 5 |\n| Heel slides | 5 |\n")
                .contains("> Little and often beats a lot once a week.\n>\n> \u2014 A demo physiotherapist\n")
                .contains("\n---\n")
                .contains("\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n\n")
                .contains("\n\nhttps://vimeo.com/22439234\n\n")
                .contains("## References\n\n- Demo D, Sample E.");
    }

    @Test
    void scriptsAndHandlersNeverReachTheMarkdown() {
        String md = PostContent.toMarkdown("<p onclick=\"steal()\">Hello <script>alert(1)</script><a href=\"javascript:alert(2)\">x</a>"
                + " <img src=x onerror=alert(3)></p>", new UploadLinks()).markdown();
        assertThat(md).doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript").doesNotContain("onerror");
    }
}
