package org.vertebra.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.content.Passage;

/** The ways patient articles name a study, and the look-alikes that are not mentions. */
class MentionFinderTest {

    private static List<StudyMention> in(String text) {
        return MentionFinder.in(List.of(new Passage(text, 1, Passage.Kind.PARAGRAPH)));
    }

    @Test
    void findsAuthorEtAlWithAndWithoutYear() {
        assertThat(in("Furlan et al. found that it helps. Zheng et al. (2011) agreed.")).containsExactly(
                new StudyMention("Furlan et al.", 1, List.of("Furlan"), null),
                new StudyMention("Zheng et al. (2011)", 1, List.of("Zheng"), "2011"));
    }

    @Test
    void findsTwoAuthorsWithYear() {
        assertThat(in("Smith and Jones (2015) and Lee & Park (2020) disagree.")).containsExactly(
                new StudyMention("Smith and Jones (2015)", 1, List.of("Smith", "Jones"), "2015"),
                new StudyMention("Lee & Park (2020)", 1, List.of("Lee", "Park"), "2020"));
    }

    @Test
    void findsParentheticalAuthorYearCitations() {
        assertThat(in("It helps (Smith, 2015), often (Zheng et al., 2011; Okafor 2012) or (Lee and Park 2020)."))
                .extracting(StudyMention::text, StudyMention::surnames, StudyMention::year).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Smith, 2015", List.of("Smith"), "2015"),
                        org.assertj.core.groups.Tuple.tuple("Zheng et al., 2011", List.of("Zheng"), "2011"),
                        org.assertj.core.groups.Tuple.tuple("Okafor 2012", List.of("Okafor"), "2012"),
                        org.assertj.core.groups.Tuple.tuple("Lee and Park 2020", List.of("Lee", "Park"), "2020"));
    }

    @Test
    void findsAStudyNamedByItsYear() {
        assertThat(in("A 2011 study and the 2019 randomised controlled trial both say so, like a large 2017 overview."))
                .extracting(StudyMention::text, StudyMention::year).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A 2011 study", "2011"),
                        org.assertj.core.groups.Tuple.tuple("the 2019 randomised controlled trial", "2019"),
                        org.assertj.core.groups.Tuple.tuple("a large 2017 overview", "2017"));
    }

    @Test
    void keepsSurnameParticles() {
        assertThat(in("As van der Berg et al. showed.")).extracting(StudyMention::surnames)
                .containsExactly(List.of("van der Berg"));
    }

    @Test
    void ignoresCapitalisedWordsThatAreNotAuthors() {
        assertThat(in("Hip and Knee surgery began in March (2020). In 2011 the clinic opened. The (2015) plan.")).isEmpty();
    }

    @Test
    void givesTheLineWhereTheMentionStarts() {
        List<StudyMention> mentions = MentionFinder.in(List.of(
                new Passage("Rest helps.\nA review by Okafor\net al. agreed.", 10, Passage.Kind.PARAGRAPH)));

        assertThat(mentions).containsExactly(new StudyMention("Okafor et al.", 11, List.of("Okafor"), null));
    }
}
