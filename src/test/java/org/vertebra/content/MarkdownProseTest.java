package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The prose the editorial checks read: words with their source lines, marked by kind. */
class MarkdownProseTest {

    @Test
    void keepsWordsAndLinesAndLeavesOutCodeImagesHtmlAndTheReferencesSection() {
        String body = """
                # Knee pain

                Rest **the knee** and read [our leaflet](https://example.org/a)
                before you ![x-ray](xray.png) walk.

                ```
                not prose
                ```

                <div>raw html</div>

                - Ice it

                | Kind | Cells |
                | --- | --- |
                | a | b |

                ## References
                - Author A. Title. 2012.
                """;

        assertThat(MarkdownProse.of(body)).containsExactly(
                new Passage("Knee pain", 1, Passage.Kind.HEADING),
                new Passage("Rest the knee and read our leaflet\nbefore you  walk.", 3, Passage.Kind.PARAGRAPH),
                new Passage("Ice it", 12, Passage.Kind.LIST_ITEM),
                new Passage("Kind", 14, Passage.Kind.TABLE_CELL),
                new Passage("Cells", 14, Passage.Kind.TABLE_CELL),
                new Passage("a", 16, Passage.Kind.TABLE_CELL),
                new Passage("b", 16, Passage.Kind.TABLE_CELL));
    }

    @Test
    void aSourcesSectionOfProseStaysInTheBody() {
        assertThat(MarkdownProse.of("Text.\n\n## Sources\n\nOur own audit.\n"))
                .extracting(Passage::text).containsExactly("Text.", "Sources", "Our own audit.");
    }

    @Test
    void mapsAnOffsetToItsLine() {
        Passage passage = new Passage("one\ntwo\nthree", 5, Passage.Kind.PARAGRAPH);

        assertThat(passage.lineAt(0)).isEqualTo(5);
        assertThat(passage.lineAt(4)).isEqualTo(6);
        assertThat(passage.lineAt(8)).isEqualTo(7);
    }
}
