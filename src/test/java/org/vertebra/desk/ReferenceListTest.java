package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceListTest {

    @Test
    void makesTheSectionWhenTheTextHasNone() {
        assertThat(ReferenceList.append("Walk daily.\n", "Doe J. A trial. J Demo. 2020;1:1-2."))
                .isEqualTo("Walk daily.\n\n## References\n\n- Doe J. A trial. J Demo. 2020;1:1-2.\n");
    }

    @Test
    void addsToTheEndOfTheExistingList() {
        assertThat(ReferenceList.append("Text.\n\n## References\n\n- First.\n\n", "Second."))
                .isEqualTo("Text.\n\n## References\n\n- First.\n- Second.\n");
    }

    @Test
    void staysInsideTheSectionWhenAnotherFollowsIt() {
        assertThat(ReferenceList.append("## Sources\n- First.\n\n## About the author\nBio.", "Second."))
                .isEqualTo("## Sources\n- First.\n- Second.\n\n## About the author\nBio.\n");
    }

    @Test
    void emptyTextGetsOnlyTheSection() {
        assertThat(ReferenceList.append("", "Only.")).isEqualTo("## References\n\n- Only.\n");
    }
}
