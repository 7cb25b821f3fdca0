package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * {@link MatchCount} replaces the exact count of a search's matches, so it must count exactly what
 * Lucene's count does (deleted articles left out, in every segment), and hand over the matches'
 * ids only when it has all of them.
 */
class MatchCountTest {

    private static final ArticleQueries QUERIES =
            new ArticleQueries(SearchAnalyzers.forQuery(IndexLanguage.ENGLISH, Synonyms.load(null)), IndexLanguage.ENGLISH);

    /** 300 articles in three segments, three of them deleted; one word each in every article. */
    private static DirectoryReader threeHundredArticles(Directory directory) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
            for (int id = 1; id <= 300; id++) {
                // every third article has back pain, every fifth sciatica
                String body = (id % 3 == 0 ? "Lower back pain after lifting. " : "Back exercises, and pain relief. ")
                        + (id % 5 == 0 ? "Sciatica down the leg." : "Knee stiffness.");
                writer.addDocument(ArticleFields.toDocument(new IndexedArticle(id, "a-" + id, "Article " + id, List.of(),
                        body, "", List.of(), List.of(), Instant.parse("2024-01-01T00:00:00Z"))));
                if (id % 100 == 0) {
                    writer.commit();
                }
            }
            writer.deleteDocuments(ArticleFields.idTerm(3), ArticleFields.idTerm(10), ArticleFields.idTerm(150));
        }
        return DirectoryReader.open(directory);
    }

    @Test
    void countsWhatLuceneCountsLeavingDeletedArticlesOut() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); DirectoryReader reader = threeHundredArticles(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String words : new String[] {"backache", "sciatica", "back pain sciatica", "knee", "nothing"}) {
                Query matches = QUERIES.allWords(List.of(words.split(" "))).matches();
                for (int keep : new int[] {0, 5, 1_000}) {
                    assertThat(MatchCount.of(searcher, matches, keep).count()).as("%s, keeping %d", words, keep)
                            .isEqualTo(searcher.count(matches));
                }
            }
            assertThat(reader.leaves()).hasSize(3);
            assertThat(reader.numDeletedDocs()).isEqualTo(3);
        }
    }

    @Test
    void listsEveryMatchInOrderWhenTheyFit() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); DirectoryReader reader = threeHundredArticles(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            // "backache" is "back pain" as a phrase: the 100 articles with it, less the two deleted (3 and 150)
            Query matches = QUERIES.allWords(List.of("backache")).matches();

            MatchCount found = MatchCount.of(searcher, matches, 200);

            assertThat(found.count()).isEqualTo(98);
            assertThat(found.few()).containsExactly(everyMatch(searcher, matches)).isSorted();
        }
    }

    @Test
    void listsNothingWhenThereAreMoreMatchesThanItKeeps() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); DirectoryReader reader = threeHundredArticles(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query phrase = QUERIES.allWords(List.of("backache")).matches();
            Query word = QUERIES.allWords(List.of("sciatica")).matches(); // counted from the segments' statistics

            assertThat(MatchCount.of(searcher, phrase, 97)).satisfies(found -> {
                assertThat(found.count()).isEqualTo(98);
                assertThat(found.few()).isNull();
            });
            assertThat(MatchCount.of(searcher, word, 10)).satisfies(found -> {
                assertThat(found.count()).isEqualTo(58); // 60 articles, two of them (10 and 150) deleted
                assertThat(found.few()).isNull();
            });
            assertThat(MatchCount.of(searcher, word, 58).few()).containsExactly(everyMatch(searcher, word));
        }
    }

    private static int[] everyMatch(IndexSearcher searcher, Query query) throws IOException {
        TopDocs all = searcher.search(query, searcher.getIndexReader().maxDoc());
        return Arrays.stream(all.scoreDocs).mapToInt(doc -> doc.doc).sorted().toArray();
    }
}
