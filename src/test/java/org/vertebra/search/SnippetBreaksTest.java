package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Snippets cut at the sentence boundaries kept in the index beside each body, and at the same
 * places as when the body is scanned for them (as in an index built before they were kept).
 */
class SnippetBreaksTest {

    private static final String BODY = "Most sprains heal with rest. A wrist fracture needs a cast for six weeks, "
            + "and the cast is checked after a week. Swelling goes down with ice and keeping the hand up. "
            + "Stiffness after the cast comes off is usual and eases with gentle exercise over a few weeks.\n"
            + "See a doctor when the pain is worse at night. Numb fingers need a doctor the same day.";

    @Test
    void snippetsFromKeptBoundariesAreThoseAScanMakes() throws IOException {
        Document kept = ArticleFields.toDocument(article(1));
        Document scanned = ArticleFields.toDocument(article(2));
        scanned.removeField(ArticleFields.BODY_BREAKS);

        List<String> snippets = snippets(List.of(kept, scanned), "cast fracture");

        assertThat(snippets.get(0)).isEqualTo(snippets.get(1)).contains("cast").isNotEqualTo(BODY);
    }

    @Test
    void snippetsUseTheKeptBoundaries() throws IOException {
        Document keptNone = ArticleFields.toDocument(article(1));
        keptNone.removeField(ArticleFields.BODY_BREAKS);
        keptNone.add(new StoredField(ArticleFields.BODY_BREAKS, SentenceBreaks.stored(BODY.replaceAll("[.\n]", ","))));
        // stored fields are read in the order they were added: the boundaries must come before the body
        Document body = new Document();
        keptNone.forEach(field -> {
            if (field.name().equals(ArticleFields.BODY_BREAKS)) {
                body.add(field);
            }
        });
        keptNone.forEach(field -> {
            if (!field.name().equals(ArticleFields.BODY_BREAKS)) {
                body.add(field);
            }
        });

        List<String> snippets = snippets(List.of(body), "cast fracture");

        // no boundary kept: one passage running over the goal of 160 characters, sentences and all
        assertThat(snippets.get(0).length()).isGreaterThan(SnippetMaker.PASSAGE_CHARS * 2);
    }

    private static List<String> snippets(List<Document> docs, String words) throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
                for (Document doc : docs) {
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                ArticleQueries queries = new ArticleQueries(
                        SearchAnalyzers.forQuery(IndexLanguage.ENGLISH, Synonyms.load(null)), IndexLanguage.ENGLISH);
                Query inBody = queries.inBody(List.of(words.split(" ")));
                Snippet[] made = new SnippetMaker(SearchAnalyzers.forIndex()).snippets(new IndexSearcher(reader),
                        queries.bodyField(), inBody, java.util.stream.IntStream.range(0, docs.size()).toArray());
                return java.util.Arrays.stream(made).map(Snippet::plainText).toList();
            }
        }
    }

    private static IndexedArticle article(long id) {
        return new IndexedArticle(id, "wrist-" + id, "Wrist fracture", List.of(), BODY, "A broken wrist.", List.of(),
                List.of(), Instant.parse("2024-01-01T00:00:00Z"));
    }
}
