package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortMarkdownTest {

    @Test
    void keepsParagraphsEmphasisAndHttpsLinksOnly() {
        assertThat(ShortMarkdown.html("One *two* **three**.\nSame paragraph.\n\n[Clinic](https://c.example/)"))
                .isEqualTo("<p>One <em>two</em> <strong>three</strong>.\nSame paragraph.</p>\n"
                        + "<p><a href=\"https://c.example/\" rel=\"nofollow noopener\">Clinic</a></p>");
    }

    @Test
    void rawHtmlScriptsImagesHeadingsAndListsDoNotBecomeMarkup() {
        String html = ShortMarkdown.html("""
                # Heading
                - item
                <script>alert(1)</script> <b onclick="x()">bold</b>
                ![pic](https://img.example/p.png) [bad](javascript:alert(1)) [plain](http://p.example/)""");

        assertThat(html).doesNotContain("<h1", "<ul", "<li", "<script", "<b ", "<img", "javascript:", "href=\"http:")
                .contains("&lt;script&gt;", "# Heading");
    }

    @Test
    void blankTextHasNoHtml() {
        assertThat(ShortMarkdown.html("  ")).isNull();
        assertThat(ShortMarkdown.html(null)).isNull();
    }
}
