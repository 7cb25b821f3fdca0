package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A snippet shows where a heading ends and a paragraph starts, and one list item the next. */
class BlockJoinsTest {

    private static String joined(String text) {
        return new BlockJoins(text).text(0, text.length(), 0, text.length());
    }

    @Test
    void marksAHeadingRunningIntoItsParagraph() {
        assertThat(joined("Manipulation\nIf the bone is out of position, the doctor may numb the area."))
                .isEqualTo("Manipulation · If the bone is out of position, the doctor may numb the area.");
    }

    @Test
    void marksListItemsThatEndWithoutPunctuation() {
        assertThat(joined("Your fingers are very swollen\nYour fingers become numb\n3 days have passed"))
                .isEqualTo("Your fingers are very swollen · Your fingers become numb · 3 days have passed");
        assertThat(joined("Around your bottom (the \"saddle\" area)\nPain that is constant"))
                .isEqualTo("Around your bottom (the \"saddle\" area) · Pain that is constant");
    }

    @Test
    void leavesABreakAfterPunctuationOrBeforeASmallLetterAsItIs() {
        String text = "Rest for a day.\nThen walk a little, if you can:\nslowly at first\nand more each day.";

        assertThat(joined(text)).isEqualTo(text);
    }

    @Test
    void leavesAJoinAtThePassagesEdgeToBeTrimmed() {
        String text = "Swelling\nIce helps\nRest helps";
        int second = text.indexOf("Ice");

        assertThat(new BlockJoins(text).text(0, text.length(), second - 1, text.length()))
                .isEqualTo("Swelling\nIce helps · Rest helps");
        assertThat(new BlockJoins(text).text(0, second, 0, second)).isEqualTo("Swelling\n");
    }

    @Test
    void keepsTheTextOutsideTheRangeOut() {
        String text = "Heading\nFirst item\nSecond item";
        int from = text.indexOf("First");

        assertThat(new BlockJoins(text).text(from, text.length(), 0, text.length())).isEqualTo("First item · Second item");
    }

    @Test
    void aSearchSnippetShowsTheJoinsOfBlocks() throws IOException {
        String body = "When to see a doctor\nGo back to your doctor if any of these happen. The cast feels too tight\n"
                + "Your fingers become numb, pale or cold\nPain is getting worse rather than better.";
        IndexedArticle article = new IndexedArticle(1, "cast-care", "Cast care", List.of(), body, "Caring for a cast.",
                List.of(), List.of(), Instant.parse("2026-01-01T00:00:00Z"));

        String snippet = snippet(article, "numb");

        assertThat(snippet).contains("The cast feels too tight · Your fingers become numb, pale or cold · Pain is getting");
    }

    private static String snippet(IndexedArticle article, String words) throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
                writer.addDocument(ArticleFields.toDocument(article));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                ArticleQueries queries = new ArticleQueries(
                        SearchAnalyzers.forQuery(IndexLanguage.ENGLISH, Synonyms.load(null)), IndexLanguage.ENGLISH);
                Query inBody = queries.inBody(List.of(words.split(" ")));
                Snippet[] made = new SnippetMaker(SearchAnalyzers.forIndex()).snippets(new IndexSearcher(reader),
                        queries.bodyField(), inBody, new int[] {0});
                return made[0].plainText();
            }
        }
    }
}
