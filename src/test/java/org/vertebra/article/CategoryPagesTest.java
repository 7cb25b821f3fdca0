package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.importer.LargeMarkdownSite;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.trust.ImportDisclosure;

/**
 * A category's pages are read from the category's own list (article_categories.listed_at, V23),
 * which must follow its articles: published, trashed, restored, moved between categories. The
 * expected list is worked out here the long way, from every public article and its categories.
 */
class CategoryPagesTest {

    private static final int PAGE_SIZE = 7;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCategorysPagesFollowItsArticlesThroughTheTrashAndChangesOfCategory(TestDatabase kind) {
        try (TestServer server = TestServer.empty(kind, folder, Clock.systemUTC())) {
            LargeMarkdownSite.write(folder.resolve("md"), 40, 1);
            assertThat(server.site().importer.importPaths(List.of(folder.resolve("md")), false, ImportDisclosure.stop())
                    .problems()).isEmpty();
            PublishedArticles articles = server.site().articles;
            ArticleWriter desk = server.site().articleWriter;
            TaxonomyService taxonomy = server.site().taxonomy;
            Category spine = taxonomy.category("spine").orElseThrow();
            assertThat(pagedThrough(articles, spine)).hasSize(20).isEqualTo(expected(articles, taxonomy, spine));

            long trashed = articles.published(LargeMarkdownSite.slug(2)).orElseThrow().id();
            desk.trash(trashed);
            assertThat(ids(pagedThrough(articles, spine))).doesNotContain(trashed).hasSize(19);
            desk.restore(trashed);
            assertThat(ids(pagedThrough(articles, spine))).contains(trashed);

            long moved = articles.published(LargeMarkdownSite.slug(4)).orElseThrow().id();
            taxonomy.assign(moved, taxonomy.ensureCategories(List.of("Pain")), List.of());
            long joined = articles.published(LargeMarkdownSite.slug(3)).orElseThrow().id();
            taxonomy.assign(joined, taxonomy.ensureCategories(List.of("Spine")), List.of());
            server.site().changes.bump();
            List<ArticleCard> after = pagedThrough(articles, spine);
            assertThat(ids(after)).doesNotContain(moved).contains(joined).hasSize(20);
            assertThat(after).isEqualTo(expected(articles, taxonomy, spine));
        }
    }

    /** Every page of the category, one after the other, as a reader would follow "next". */
    private static List<ArticleCard> pagedThrough(PublishedArticles articles, Category category) {
        List<ArticleCard> all = new ArrayList<>();
        Page<ArticleCard> page = articles.list(ArticleQuery.inCategory(category.id()), 1, PAGE_SIZE);
        all.addAll(page.items());
        for (int n = 2; n <= page.totalPages(); n++) {
            all.addAll(articles.list(ArticleQuery.inCategory(category.id()), n, PAGE_SIZE).items());
        }
        assertThat(page.totalItems()).as("the count agrees with the pages").isEqualTo(all.size());
        return all;
    }

    private static List<ArticleCard> expected(PublishedArticles articles, TaxonomyService taxonomy, Category category) {
        return articles.list(ArticleQuery.all(), 1, 1_000).items().stream()
                .filter(card -> taxonomy.categoriesOf(card.id()).contains(category)).toList();
    }

    private static List<Long> ids(List<ArticleCard> cards) {
        return cards.stream().map(ArticleCard::id).toList();
    }
}
