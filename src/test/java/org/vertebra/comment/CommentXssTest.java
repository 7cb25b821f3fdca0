package org.vertebra.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.WebClient;

/** Public lists of XSS payloads, posted through the form and approved, never yield anything that runs. */
class CommentXssTest {

    @TempDir
    Path temp;

    static List<String> payloads() throws IOException {
        try (InputStream in = CommentXssTest.class.getResourceAsStream("/comment/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n")).toList();
        }
    }

    @Test
    void noPayloadYieldsAScriptAnEventHandlerAScriptUrlOrAnEmbeddedDocument() throws IOException {
        List<String> payloads = payloads();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(50);
        try (CommentSite site = new CommentSite(TestDatabase.SQLITE, temp)) {
            WebClient reader = new WebClient(site.server);
            for (String payload : payloads) {
                assertThat(site.comment(reader, "Tester <b onmouseover=alert(1)>", "tester@example.org", payload).statusCode())
                        .as(payload).isEqualTo(303);
                site.server.site().comments.approve(site.lastId());
                site.clock.advance(Duration.ofMinutes(13)); // under the per-address limit
            }
            Document page = site.articlePage();
            assertThat(page.select(".comment")).hasSize(payloads.size());
            List<String> found = new ArrayList<>();
            for (Element comment : page.select(".comment")) {
                for (Element e : comment.getAllElements()) {
                    if (List.of("script", "iframe", "object", "embed", "svg", "math", "style", "frame", "frameset", "base",
                            "meta", "link", "form", "input", "button", "img", "video", "audio", "details").contains(e.normalName())) {
                        found.add("<" + e.normalName() + "> in " + comment.outerHtml());
                    }
                    for (Attribute a : e.attributes()) {
                        String name = a.getKey().toLowerCase(Locale.ROOT);
                        String value = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
                        if (name.startsWith("on") || name.equals("style") || name.equals("formaction")) {
                            found.add(name + " attribute in " + comment.outerHtml());
                        }
                        if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("background"))
                                && (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:"))) {
                            found.add(name + "=" + a.getValue() + " in " + comment.outerHtml());
                        }
                    }
                }
            }
            assertThat(found).isEmpty();
            // And nothing of them escaped the comments: the page has only its own scripts.
            assertThat(page.select("script").eachAttr("src")).allMatch(src -> src.startsWith("/static/"));
            assertThat(page.select("a[href]").eachAttr("href")).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("javascript:"));
        }
    }

    @Test
    void theMarkdownSubsetStillWorksAndLinksAreMarkedAsUserContent() {
        String html = CommentMarkdown.html("*Soft* and **strong**, `code`, [a study](https://example.org/x).\n\n- one\n- two\n\n# not a heading");

        assertThat(html).contains("<em>Soft</em>", "<strong>strong</strong>", "<code>code</code>", "<li>one</li>")
                .contains("<a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">a study</a>")
                .contains("# not a heading").doesNotContain("<h1");
        assertThat(CommentMarkdown.html("<b>bold?</b>")).isEqualTo("<p>&lt;b&gt;bold?&lt;/b&gt;</p>");
    }
}
