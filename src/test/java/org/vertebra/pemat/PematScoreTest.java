package org.vertebra.pemat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PematScoreTest {

    @Test
    void printableToolHasSeventeenUnderstandabilityAndSevenActionabilityItemsNumberedAsPublished() {
        assertThat(PematItem.values()).hasSize(24);
        assertThat(java.util.Arrays.stream(PematItem.values()).filter(i -> i.domain() == PematItem.Domain.UNDERSTANDABILITY)).hasSize(17);
        assertThat(java.util.Arrays.stream(PematItem.values()).mapToInt(PematItem::number))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26);
        assertThat(java.util.Arrays.stream(PematItem.values()).filter(PematItem::allowsNotApplicable).mapToInt(PematItem::number))
                .containsExactly(6, 8, 9, 11, 16, 17, 18, 19, 24, 25);
    }

    @Test
    void scoresAgreedItemsOverRatedItemsLeavingNotApplicableOut() {
        // Understandability: 11 agree, 3 disagree, 3 N/A -> 11 / 14 = 78.6 % -> 79.
        Map<PematItem, Rating> ratings = new EnumMap<>(PematItem.class);
        rate(ratings, Rating.AGREE, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12);
        rate(ratings, Rating.DISAGREE, 6, 15, 19);
        rate(ratings, Rating.NOT_APPLICABLE, 16, 17, 18);
        // Actionability: 4 agree, 2 disagree, 1 N/A -> 4 / 6 = 66.7 % -> 67.
        rate(ratings, Rating.AGREE, 20, 21, 22, 26);
        rate(ratings, Rating.DISAGREE, 23, 25);
        rate(ratings, Rating.NOT_APPLICABLE, 24);

        PematScore score = PematScore.of(ratings);

        assertThat(score.understandability()).isEqualTo(new PematScore.Part(11, 14, 3, 0));
        assertThat(score.understandability().percent()).hasValue(79);
        assertThat(score.actionability()).isEqualTo(new PematScore.Part(4, 6, 1, 0));
        assertThat(score.actionability().percent()).hasValue(67);
        assertThat(score.complete()).isTrue();
    }

    @Test
    void everyItemAgreedScoresOneHundredAndNoneAgreedScoresZero() {
        Map<PematItem, Rating> all = new EnumMap<>(PematItem.class);
        for (PematItem item : PematItem.values()) {
            all.put(item, Rating.AGREE);
        }
        assertThat(PematScore.of(all).understandability().percent()).hasValue(100);
        all.replaceAll((item, rating) -> Rating.DISAGREE);
        assertThat(PematScore.of(all).actionability().percent()).hasValue(0);
    }

    @Test
    void countsUnansweredItemsApartAndHasNoPercentWithoutARatedItem() {
        Map<PematItem, Rating> ratings = new EnumMap<>(PematItem.class);
        rate(ratings, Rating.NOT_APPLICABLE, 24, 25);

        PematScore score = PematScore.of(ratings);

        assertThat(score.actionability().unanswered()).isEqualTo(5);
        assertThat(score.actionability().percent()).isEmpty();
        assertThat(score.understandability().unanswered()).isEqualTo(17);
        assertThat(score.complete()).isFalse();
    }

    @Test
    void refusesNotApplicableOnAnItemTheToolAlwaysRates() {
        Map<PematItem, Rating> ratings = new EnumMap<>(PematItem.class);
        ratings.put(PematItem.ACTION_IDENTIFIED, Rating.NOT_APPLICABLE);

        assertThatThrownBy(() -> PematScore.of(ratings)).hasMessageContaining("item 20");
    }

    private static void rate(Map<PematItem, Rating> ratings, Rating rating, int... numbers) {
        for (int number : numbers) {
            ratings.put(PematItem.numbered(number), rating);
        }
    }
}
