package org.vertebra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertebra.content.ReferenceParser;

/** The parts of a reference that a mention in the text can match, in Vancouver and APA style. */
class CitedWorkTest {

    private static CitedWork of(String text) {
        return CitedWork.of(ReferenceParser.parse(text, null));
    }

    @Test
    void readsVancouverStyle() {
        CitedWork work = of("Furlan AD, Giraldo M, Baskwill A. Massage for low-back pain. Spine J. 2015;9:1-20. doi: 10.5555/2009.1");

        assertThat(work.firstAuthor()).isEqualTo("furlan");
        assertThat(work.lists("Baskwill")).isTrue();
        assertThat(work.lists("Massage")).isFalse();
        assertThat(work.year()).isEqualTo("2015");
    }

    @Test
    void readsApaStyle() {
        CitedWork work = of("Smith, J. A., & Jones, B. (2015). Walking after surgery. Knee Rev, 4, 45-52.");

        assertThat(work.firstAuthor()).isEqualTo("smith");
        assertThat(work.lists("Jones")).isTrue();
        assertThat(work.year()).isEqualTo("2015");
    }

    @Test
    void matchesSurnamesWithoutCaseAccentsOrParticles() {
        CitedWork work = of("van der Berg Ø, Müller K. Title here. J Bone. 2010;1:2.");

        assertThat(work.hasFirstAuthor("Van der Berg")).isTrue();
        assertThat(work.hasFirstAuthor("Berg")).isTrue();
        assertThat(work.lists("Muller")).isTrue();
        assertThat(work.hasFirstAuthor("Muller")).isFalse();
    }

    @Test
    void findsTheJournalYearWhenTheTitleStartsWithA() {
        CitedWork work = of("Moore JB, Lee K, et al. A controlled trial of knee surgery in 1999 patients. N Engl J Med. 2002;347:81-88.");

        assertThat(work.firstAuthor()).isEqualTo("moore");
        assertThat(work.lists("controlled")).isFalse();
        assertThat(work.year()).isEqualTo("2002");
    }

    @Test
    void aYearInsideTheDoiIsNotThePublicationYear() {
        assertThat(of("Lee K. Title. J Bone. doi: 10.5555/jb.2009.01").year()).isNull();
    }
}
