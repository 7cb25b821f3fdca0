package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestionsTest {

    @TempDir
    static Path dir;

    private static SearchIndex index;

    @BeforeAll
    static void buildSite() {
        index = SearchIndex.open(dir.resolve("index"), null);
        index.rebuild(TestArticles.ALL.stream());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void suggestsTitlesByPrefix() {
        assertThat(index.suggest("kne", 10)).extracting(Suggestion::title).containsExactlyInAnyOrder(
                "Knee Osteoarthritis", "Knee Replacement Surgery", "Exercises for a Stiff Knee");
        assertThat(index.suggest("Frozen sh", 10))
                .containsExactly(new Suggestion("Frozen Shoulder Stages", "frozen-shoulder"));
    }

    @Test
    void putsTitlesThatStartWithTheTypedWordsFirst() {
        assertThat(index.suggest("knee", 10)).extracting(Suggestion::title).endsWith("Exercises for a Stiff Knee");
        assertThat(index.suggest("SCIAT", 10)).extracting(Suggestion::slug).containsExactly("sciatica");
    }

    @Test
    void matchesEarlierWordsWholeAndTheLastAsPrefix() {
        assertThat(index.suggest("stiff kn", 10)).extracting(Suggestion::title)
                .containsExactly("Exercises for a Stiff Knee");
        assertThat(index.suggest("stif kn", 10)).isEmpty();
        assertThat(index.suggest("knee rep", 10)).extracting(Suggestion::title)
                .containsExactly("Knee Replacement Surgery");
    }

    @Test
    void matchesWordsInsideTheTitleAndIgnoresPunctuation() {
        assertThat(index.suggest("pain down", 10)).extracting(Suggestion::title)
                .containsExactly("Sciatica: Pain Down the Leg");
        assertThat(index.suggest("  (pat ", 10)).extracting(Suggestion::slug).containsExactly("patella-dislocation");
    }

    @Test
    void keepsToTheLimit() {
        try (SearchIndex many = SearchIndex.open(dir.resolve("many"), null)) {
            many.rebuild(IntStream.rangeClosed(1, 40).mapToObj(i -> TestArticles.simple(i, "Back care " + i, "text")));

            assertThat(many.suggest("back", 5)).hasSize(5);
            assertThat(many.suggest("back", 1000)).hasSize(TitleSuggester.MAX_LIMIT);
            assertThat(many.suggest("back", 0)).isEmpty();
            assertThat(many.suggest("back", -3)).isEmpty();
            assertThat(many.suggest("b", 5)).isEqualTo(many.suggest("b", 5));
        }
    }
}
