package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;
import org.vertebra.article.DeskSort;
import org.vertebra.article.Shelf;
import org.vertebra.author.Author;
import org.vertebra.taxonomy.Category;

/** The caption of the desk's list: what it holds, in words, for those who hear the page. */
class DeskListSummaryTest {

    private static final List<Category> CATEGORIES = List.of(new Category(3, "spine", "Spine", null));
    private static final List<Author> AUTHORS = List.of(new Author(7, "dana-demo", "Dana Demo", null, null, null, null, null));

    @Test
    void namesEveryChoiceAndThePage() {
        DeskListForm form = new DeskListForm("knee", Shelf.IN_REVIEW, 3L, 7L, "currency", DeskSort.GRADE, true);

        assertThat(DeskListSummary.of(form, 234, 3, CATEGORIES, AUTHORS)).isEqualTo("234 match: in review, titles"
                + " containing \u201cknee\u201d, in Spine, by Dana Demo, missing Currency, yours only; sorted by reading grade,"
                + " hardest first; page 3");
    }

    @Test
    void saysMoreThanWhatAFilteredListCounts() {
        DeskListForm form = new DeskListForm("", Shelf.ALL, null, null, "any", DeskSort.CHANGED, false);

        assertThat(DeskListSummary.of(form, ArticleWriter.COUNTED + 1, 1, CATEGORIES, AUTHORS))
                .startsWith("More than 1,000 match: everything, missing a trust benchmark;");
        assertThat(DeskListSummary.of(form, 1, 1, CATEGORIES, AUTHORS)).startsWith("1 matches: ");
    }

    @Test
    void saysSoWhenAFilteredCategoryOrAuthorIsGone() {
        DeskListForm form = new DeskListForm("", Shelf.ALL, 99L, 98L, "", DeskSort.TITLE, false);

        assertThat(DeskListSummary.of(form, 0, 1, CATEGORIES, AUTHORS))
                .isEqualTo("0 match: everything, in a category that no longer exists, by an author who no longer exists;"
                        + " sorted by title, A to Z");
    }
}
