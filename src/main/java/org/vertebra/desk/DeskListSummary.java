package org.vertebra.desk;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.Author;
import org.vertebra.taxonomy.Category;
import org.vertebra.trust.Benchmark;

/**
 * The sentence that captions the desk's articles list: how many match and what they match, so that
 * someone who hears the page rather than sees the form knows what the table holds ("12 match:
 * published, titles containing “knee”, in Spine; by title, A to Z; page 2").
 */
final class DeskListSummary {

    private DeskListSummary() {
    }

    static String of(DeskListForm form, int total, int page, List<Category> categories, List<Author> authors) {
        List<String> what = new ArrayList<>();
        what.add(form.shelf().label().toLowerCase(java.util.Locale.ROOT));
        if (!form.search().isEmpty()) {
            what.add("titles containing \u201c" + form.search() + "\u201d");
        }
        if (form.categoryId() != null) {
            what.add("in " + categories.stream().filter(c -> c.id() == form.categoryId()).map(Category::name).findFirst()
                    .orElse("a category that no longer exists"));
        }
        if (form.authorId() != null) {
            what.add("by " + authors.stream().filter(a -> a.id() == form.authorId()).map(Author::name).findFirst()
                    .orElse("an author who no longer exists"));
        }
        if (!form.missed().isEmpty()) {
            what.add(DeskListForm.ANY.equals(form.missed()) ? "missing a trust benchmark"
                    : "missing " + java.util.Arrays.stream(Benchmark.values()).filter(b -> b.key().equals(form.missed()))
                            .map(Benchmark::label).findFirst().orElseThrow());
        }
        if (form.mine()) {
            what.add("yours only");
        }
        String count = total > ArticleWriter.COUNTED ? String.format("More than %,d match", ArticleWriter.COUNTED)
                : String.format("%,d %s", total, total == 1 ? "matches" : "match");
        String order = form.sort().label();
        return count + ": " + String.join(", ", what) + "; sorted by " + Character.toLowerCase(order.charAt(0))
                + order.substring(1) + (page > 1 ? "; page " + page : "");
    }
}
