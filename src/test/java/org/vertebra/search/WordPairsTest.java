package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vertebra.language.Language;

/**
 * A synonym of two words is found through the pairs field ({@link WordPairs}) in exactly the
 * articles where its phrase is: not where a stop word or the end of a heading comes between the
 * words, and in each language as its own analysis has the phrase.
 */
class WordPairsTest {

    /** Words of the shipped synonyms ("back pain", "herniated disc", "knee arthroplasty"), stop words and filler. */
    private static final String[] WORDS = {"back", "pain", "ache", "herniated", "disc", "slipped", "knee",
            "replacement", "arthroplasty", "the", "of", "and", "in", "lower", "sprain", "ankle", "walking", "rest"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"back ache", "slipped disc", "knee replacement", "sprain ankle", "back ache knee",
            "lower back pain", "backache rest"})
    void findsWhatThePhrasesFindAndCountsAlike(String words) throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            Random random = new Random(words.hashCode());
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
                for (int id = 1; id <= 1_500; id++) {
                    writer.addDocument(ArticleFields.toDocument(article(id, random)));
                    if (id % 400 == 0) {
                        writer.commit();
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                ArticleQueries queries = englishQueries();
                for (ArticleQuery phrases : List.of(queries.allWords(List.of(words.split(" "))),
                        queries.anyWord(List.of(words.split(" "))))) {
                    ArticleQuery pairs = queries.withPairs(phrases);
                    assertThat(phrasesOf(phrases.matches())).as("the query has phrases of two words").isPositive();
                    assertThat(phrasesOf(pairs.matches())).as("none left as phrases").isZero();

                    MatchCount byPhrases = MatchCount.of(searcher, phrases.matches(), reader.maxDoc());
                    MatchCount byPairs = MatchCount.of(searcher, pairs.matches(), reader.maxDoc());

                    assertThat(byPairs.count()).isEqualTo(byPhrases.count()).isPositive().isLessThan(reader.maxDoc());
                    assertThat(byPairs.few()).containsExactly(byPhrases.few());
                }
            }
        }
    }

    @Test
    void noPairAcrossAStopWordOrTheEndOfAHeading() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), null)) {
            index.rebuild(Stream.of(
                    article(1, "Back pain", List.of(), "Rest."),
                    article(2, "Rest", List.of(), "The back of the pain is rest."), // a stop word between
                    article(3, "Rest", List.of("Lower back", "Pain relief"), "Rest."), // two headings
                    article(4, "Rest", List.of(), "Lower back, pain and rest."))); // punctuation is no stop word
            assertThat(ids(index, "back ache")).containsExactlyInAnyOrder(1L, 4L);
        }
    }

    @Test
    void pairsFollowEachLanguagesOwnSteps() throws IOException {
        Language spanish = new Language("es");
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), null)) {
            index.rebuild(Stream.of(
                    // Spanish closes the holes its stop words leave, so "dolor de cuello" has the phrase "dolor cuello"
                    new IndexedArticle(5, "a-5", "Dolor de cuello", List.of(), "Reposo.", "", List.of(), List.of(),
                            Instant.parse("2024-01-01T00:00:00Z"), spanish),
                    new IndexedArticle(6, "a-6", "Cuello y dolor", List.of(), "Reposo.", "", List.of(), List.of(),
                            Instant.parse("2024-01-01T00:00:00Z"), spanish)));
            // "tortícolis, cervicalgia, dolor cuello" in the shipped Spanish list
            assertThat(index.search("tortícolis", spanish, 1, 50).hits()).extracting(Hit::id).containsExactly(5L);
        }
    }

    @Test
    void anIndexNotYetBuiltInThisFormatIsSearchedByPhrases() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), null)) {
            index.put(article(1, "Back pain", List.of(), "Rest."));
            assertThat(index.needsRebuild()).isTrue();
            assertThat(ids(index, "back ache")).containsExactly(1L);
        }
        try (Directory files = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(files)) {
            assertThat(WordPairs.indexed(reader)).isFalse();
        }
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), null)) {
            index.rebuild(Stream.of(article(1, "Back pain", List.of(), "Rest.")));
            assertThat(ids(index, "back ache")).containsExactly(1L);
        }
        try (Directory files = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
                DirectoryReader reader = DirectoryReader.open(files)) {
            assertThat(WordPairs.indexed(reader)).isTrue();
        }
    }

    private static List<Long> ids(SearchIndex index, String query) {
        return index.search(query, 1, 50).hits().stream().map(Hit::id).toList();
    }

    private static int phrasesOf(Query query) {
        int[] phrases = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query leaf, org.apache.lucene.index.Term... terms) {
                if (leaf instanceof PhraseQuery && terms.length == 2) {
                    phrases[0]++;
                }
            }
        });
        return phrases[0];
    }

    private static ArticleQueries englishQueries() {
        return new ArticleQueries(SearchAnalyzers.forQuery(IndexLanguage.ENGLISH, Synonyms.load(null)), IndexLanguage.ENGLISH);
    }

    /** Short texts of the synonyms' words, stop words between them now and then, in several headings. */
    private static IndexedArticle article(int id, Random random) {
        List<String> headings = new ArrayList<>();
        for (int h = random.nextInt(3); h > 0; h--) {
            headings.add(words(random, 1 + random.nextInt(3)));
        }
        return article(id, words(random, 2 + random.nextInt(3)), headings, words(random, 6 + random.nextInt(20)));
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            text.append(w == 0 ? "" : random.nextInt(8) == 0 ? ". " : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    private static IndexedArticle article(long id, String title, List<String> headings, String body) {
        return new IndexedArticle(id, "a-" + id, title, headings, body, "", List.of(), List.of(),
                Instant.parse("2024-01-01T00:00:00Z"));
    }
}
