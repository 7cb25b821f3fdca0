package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Before the search index can name similar articles (or when it names none), an article page's
 * related cards are the published articles in its language that share its tags and categories,
 * read in the page's one statement of parts: best shared first, a shared tag counting double.
 */
class RelatedBySharedTagsTest {

    static final String ARTICLE = "sciatica-and-disc-herniation";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutTheIndexRelatedCardsAreThoseSharingMostTagsAndCategoriesBestFirst(TestDatabase database) throws Exception {
        try (TestServer server = TestServer.withDemo(database, Files.createDirectories(temp.resolve("site")))) {
            PublishedArticles articles = server.site().articles;
            articles.useRelatedFinder(PublishedArticles.RelatedFinder.none());
            ArticlePages.Read page = articles.publishedPage(ARTICLE).orElseThrow();

            List<ArticleCard> related = page.parts().related();
            assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(PublishedArticles.RELATED_LIMIT)
                    .noneMatch(card -> card.id() == page.article().id());
            List<Integer> scores = related.stream().map(card -> score(articles, page, card)).toList();
            assertThat(scores).as("shared tags x2 + shared categories, best first").allMatch(score -> score > 0)
                    .isSortedAccordingTo(Comparator.reverseOrder());
            for (ArticleCard card : related) {
                Article other = articles.published(card.slug()).orElseThrow();
                assertThat(other.isPage()).isFalse();
                assertThat(other.lang()).isEqualTo(page.article().lang());
                assertThat(card.title()).isEqualTo(other.title());
            }

            // An article left out shares less than the last card shown, or nothing when there was room.
            int lowest = related.size() == PublishedArticles.RELATED_LIMIT ? scores.get(scores.size() - 1) : 0;
            List<Long> shown = related.stream().map(ArticleCard::id).toList();
            articles.forEachPublished(other -> {
                if (!other.isPage() && other.id() != page.article().id() && !shown.contains(other.id())
                        && other.lang().equals(page.article().lang())) {
                    assertThat(score(articles, page, articles.publishedPage(other.slug()).orElseThrow()))
                            .as(other.slug()).isLessThanOrEqualTo(lowest);
                }
            });
        }
    }

    private static int score(PublishedArticles articles, ArticlePages.Read page, ArticleCard card) {
        return score(articles, page, articles.publishedPage(card.slug()).orElseThrow());
    }

    private static int score(PublishedArticles articles, ArticlePages.Read page, ArticlePages.Read other) {
        Set<Long> tags = page.parts().tags().stream().map(t -> t.id()).collect(Collectors.toSet());
        Set<Long> categories = page.parts().categories().stream().map(c -> c.id()).collect(Collectors.toSet());
        return 2 * (int) other.parts().tags().stream().filter(t -> tags.contains(t.id())).count()
                + (int) other.parts().categories().stream().filter(c -> categories.contains(c.id())).count();
    }
}
