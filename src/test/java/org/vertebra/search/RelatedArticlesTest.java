package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelatedArticlesTest {

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
    void relatedNeverIncludesItselfAndIsStable() {
        for (IndexedArticle article : TestArticles.ALL) {
            List<Long> related = index.related(article.id(), 4);

            assertThat(related).doesNotContain(article.id()).hasSizeLessThanOrEqualTo(4).doesNotHaveDuplicates();
            assertThat(index.related(article.id(), 4)).isEqualTo(related);
        }
    }

    @Test
    void relatedPrefersArticlesOnTheSameSubject() {
        assertThat(index.related(TestArticles.KNEE_OA.id(), 2))
                .containsExactlyInAnyOrder(TestArticles.KNEE_REPLACEMENT.id(), TestArticles.STIFF_KNEE.id());
        assertThat(index.related(TestArticles.DISC.id(), 2)).contains(TestArticles.SCIATICA.id());
    }

    @Test
    void findsNothingRelatedToAnUnknownArticleOrForNoRoom() {
        assertThat(index.related(999, 5)).isEmpty();
        assertThat(index.related(TestArticles.KNEE_OA.id(), 0)).isEmpty();
        assertThat(index.related(TestArticles.KNEE_OA.id(), -1)).isEmpty();
    }

    @Test
    void forgetsRemovedArticles() {
        try (SearchIndex small = SearchIndex.open(dir.resolve("small"), null)) {
            small.rebuild(TestArticles.ALL.stream());
            small.remove(TestArticles.KNEE_REPLACEMENT.id());

            assertThat(small.related(TestArticles.KNEE_OA.id(), 5)).doesNotContain(TestArticles.KNEE_REPLACEMENT.id());
            assertThat(small.related(TestArticles.KNEE_REPLACEMENT.id(), 5)).isEmpty();
        }
    }
}
