package org.vertebra.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void keepsShortTextAsItIs() {
        assertThat(Excerpts.cut("Heel pain is common.", 155)).isEqualTo("Heel pain is common.");
    }

    @Test
    void keepsTextExactlyAtTheLimit() {
        assertThat(Excerpts.cut("0123456789", 10)).isEqualTo("0123456789");
    }

    @Test
    void collapsesWhiteSpaceAndLineBreaks() {
        assertThat(Excerpts.cut("  Heel\n\npain   is\tcommon. ", 155)).isEqualTo("Heel pain is common.");
    }

    @Test
    void cutsLongTextAtAWordBoundaryWithMarker() {
        assertThat(Excerpts.cut("The quick brown fox jumps over the lazy dog", 20))
                .isEqualTo("The quick brown fox [...]");
    }

    @Test
    void neverCutsInsideAWordWhenASpaceIsNearEnough() {
        assertThat(Excerpts.cut("The quick brown fox jumps over the lazy dog", 22))
                .isEqualTo("The quick brown fox [...]");
    }

    @Test
    void dropsPunctuationLeftBeforeTheMarker() {
        assertThat(Excerpts.cut("Heel pain, common: stiffness in the morning", 10)).isEqualTo("Heel pain [...]");
    }

    @Test
    void cutsInsideAWordWhenTheLastSpaceIsTooEarly() {
        assertThat(Excerpts.cut("Supercalifragilisticexpialidocious is a word", 10)).isEqualTo("Supercalif [...]");
    }

    @Test
    void givesEmptyTextForNull() {
        assertThat(Excerpts.cut(null, 155)).isEmpty();
    }
}
