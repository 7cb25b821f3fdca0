package org.vertebra.comment;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertebra.support.FuzzCorpus;

/**
 * A comment's Markdown is typed by anyone and shown to everyone: whatever the text,
 * {@link CommentMarkdown} gives HTML in which a browser finds only the subset's elements, no
 * script, no event handler attribute and no link but http, https, mailto or a relative one, and
 * never takes long. The corpus is {@code src/test/resources/fuzz/comment-markdown/}.
 */
class CommentMarkdownFuzzTest {

    private static final Set<String> ELEMENTS = Set.of("p", "br", "em", "strong", "ul", "ol", "li", "code", "pre", "a");

    static Stream<Named<byte[]>> corpus() {
        return FuzzCorpus.of("comment-markdown");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void noCorpusCommentLetsMarkupThroughTheSanitizer(byte[] input) {
        FuzzCorpus.withinTimeLimit(() -> check(input));
    }

    /** Coverage-guided fuzzing with Jazzer: {@code bench/fuzz.sh} runs it for a set time. */
    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        String html = CommentMarkdown.html(new String(input, StandardCharsets.UTF_8));
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<iframe")
                .doesNotContain("<img").doesNotContain("<svg").doesNotContain("<style");
        // As a browser reads it: every element and attribute, entities decoded.
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            assertThat(ELEMENTS).as("element in %s", html).contains(element.tagName());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).isIn("href", "rel");
                assertThat(element.tagName()).as("attribute %s in %s", name, html).isEqualTo("a");
                if (name.equals("href")) {
                    assertThat(safeLink(attribute.getValue())).as("link in %s", html).isTrue();
                }
            }
        }
    }

    /** An http, https or mailto address, or one without a scheme (relative): never javascript:, data: or vbscript:. */
    private static boolean safeLink(String href) {
        // Browsers drop tabs and line breaks anywhere in an address and spaces around it.
        String compact = href.replaceAll("[\\p{Cntrl}\\s]", "").toLowerCase(Locale.ROOT);
        java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^([a-z][a-z0-9+.-]*):").matcher(compact);
        if (!scheme.find()) {
            return true; // no scheme: a relative address
        }
        return Set.of("http", "https", "mailto").contains(scheme.group(1));
    }
}
