package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageRankingTest {

    @Test
    void scoresPassagesExactlyAsLuceneDoes() {
        Passage passage = new Passage();
        passage.setStartOffset(120);
        passage.setEndOffset(300);
        String[] terms = {"knee", "pain", "knee", "brace", "pain", "knee"};
        int[] freqsInDoc = {7, 3, 7, 1, 3, 7};
        for (int i = 0; i < terms.length; i++) {
            passage.addMatch(130 + i * 20, 134 + i * 20, new BytesRef(terms[i]), freqsInDoc[i]);
        }

        float ours = new PassageRanking().score(passage, 5_000);
        float lucenes = new PassageScorer().score(passage, 5_000);

        // Equal but for the order in which the terms' parts are added up.
        assertThat(ours).isPositive().isCloseTo(lucenes, org.assertj.core.data.Percentage.withPercentage(0.001));
    }

    @Test
    void passageWithoutMatchesScoresZero() {
        Passage passage = new Passage();
        passage.setStartOffset(0);
        passage.setEndOffset(100);

        assertThat(new PassageRanking().score(passage, 1_000)).isZero();
    }
}
