package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TopMatches} skips most matches; these tests hold that what it skips never changes the
 * page: over a few thousand generated articles in several segments, where most articles match
 * common words and scores are close, it returns the same articles in the same order as scoring
 * every match.
 */
class TopMatchesTest {

    private static final String[] COMMON = {"pain", "knee", "back", "exercise", "joint", "muscle"};
    private static final String[] RARE = {"sciatica", "bursitis", "whiplash", "scoliosis", "gout", "bunion"};
    private static final String[] FILLER = {"the", "people", "often", "feel", "better", "after", "weeks", "with",
            "gentle", "walking", "rest", "and", "time", "doctor", "advice", "helps", "most"};

    private static Directory directory;
    private static DirectoryReader reader;
    private static ArticleQueries queries;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        Random random = new Random(17);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.forIndex()))) {
            for (int id = 1; id <= 3_000; id++) {
                writer.addDocument(ArticleFields.toDocument(article(id, random)));
                if (id % 700 == 0) {
                    writer.commit(); // several segments, as an index that grew article by article has
                }
            }
        }
        reader = DirectoryReader.open(directory);
        queries = new ArticleQueries(SearchAnalyzers.forQuery(IndexLanguage.ENGLISH, Synonyms.load(null)), IndexLanguage.ENGLISH);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"knee pain", "pain", "back exercise joint", "whiplash", "gout knee", "back pain",
            "sciatica pain", "muscle joint pain exercise"})
    void findsTheSameArticlesInTheSameOrderAsScoringEveryMatch(String words) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        ArticleQuery query = queries.allWords(List.of(words.split(" ")));
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        assertThat(searcher.count(query.matches())).isGreaterThan(20);

        for (int wanted : new int[] {10, 30}) {
            assertThat(ids(TopMatches.of(searcher, query, wanted))).containsExactlyElementsOf(ids(everyMatchScored(searcher, query, wanted)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"knee pain", "gout bunion"})
    void keepsOnlyArticlesThatHaveEveryWord(String words) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        ArticleQuery query = queries.allWords(List.of(words.split(" ")));

        ScoreDoc[] top = TopMatches.of(searcher, query, 50);

        assertThat(top).isNotEmpty();
        for (ScoreDoc hit : top) {
            assertThat(searcher.explain(query.matches(), hit.doc).isMatch()).as("article %d", hit.doc).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"knee pain", "back ache", "back pain", "whiplash", "gout knee", "sciatica pain",
            "muscle joint pain exercise"})
    void scoringEachOfTheMatchesRanksThemAsScoringEveryMatchDoes(String words) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        ArticleQuery query = queries.allWords(List.of(words.split(" ")));
        MatchCount found = MatchCount.of(searcher, query.matches(), reader.maxDoc());
        assertThat(found.count()).isGreaterThan(20);

        for (int wanted : new int[] {10, 30}) {
            assertThat(ids(TopMatches.amongFew(searcher, query, found.few(), wanted)))
                    .containsExactlyElementsOf(ids(everyMatchScored(searcher, query, wanted)));
        }
    }

    @Test
    void aSynonymOfSeveralWordsMatchesFewerArticlesThanItsWordsAndRanksThemAlike() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        // "back ache" is "back pain" (synonyms.txt): a phrase of two common words, the slow kind of search
        ArticleQuery query = queries.allWords(List.of("back", "ache"));
        MatchCount found = MatchCount.of(searcher, query.matches(), ArticleSearch.FEW);

        assertThat(found.few()).isNotNull().isNotEmpty()
                .hasSizeLessThan(searcher.count(queries.allWords(List.of("back")).matches()) / 2);
        assertThat(ids(TopMatches.amongFew(searcher, query, found.few(), 10)))
                .containsExactlyElementsOf(ids(TopMatches.of(searcher, query, 10)));
    }

    /** The plain way: the match as a filter clause, every matching article scored and counted. */
    private static ScoreDoc[] everyMatchScored(IndexSearcher searcher, ArticleQuery query, int wanted) throws IOException {
        BooleanQuery filtered = new BooleanQuery.Builder().add(query.matches(), Occur.FILTER)
                .add(query.ranks(), Occur.SHOULD).build();
        return searcher.search(filtered,
                new TopFieldCollectorManager(ArticleFields.BY_SCORE, wanted, null, Integer.MAX_VALUE)).scoreDocs;
    }

    private static List<Integer> ids(ScoreDoc[] docs) {
        return Arrays.stream(docs).map(doc -> doc.doc).toList();
    }

    /** Titles of two or three words, a common word most of the time; bodies of common words and filler. */
    private static IndexedArticle article(int id, Random random) {
        String title = pick(random, random.nextInt(4) == 0 ? RARE : COMMON) + " " + pick(random, COMMON) + " "
                + pick(random, FILLER);
        List<String> body = new ArrayList<>();
        for (int i = 0; i < 60 + random.nextInt(60); i++) {
            body.add(random.nextInt(5) == 0 ? pick(random, COMMON) : random.nextInt(40) == 0 ? pick(random, RARE)
                    : pick(random, FILLER));
        }
        return new IndexedArticle(id, "article-" + id, title, List.of(pick(random, COMMON) + " " + pick(random, FILLER)),
                String.join(" ", body) + ".", pick(random, FILLER) + " " + pick(random, COMMON), List.of(),
                List.of(pick(random, COMMON)), Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3_600L * (id % 50)));
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
