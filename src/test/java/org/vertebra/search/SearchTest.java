package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTest {

    @TempDir
    static Path dir;

    private static SearchIndex index;

    @BeforeAll
    static void buildSite() {
        index = SearchIndex.open(dir.resolve("index"), dir.resolve("no-site-synonyms.txt"));
        index.rebuild(TestArticles.ALL.stream());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<Long> ids(String query) {
        return index.search(query, 1, 20).hits().stream().map(Hit::id).toList();
    }

    @Test
    void findsFractureWhenSearchingFractures() {
        assertThat(ids("fractures")).contains(TestArticles.WRIST.id());
        assertThat(ids("Fracture")).contains(TestArticles.WRIST.id(), TestArticles.OSTEOPOROSIS.id());
    }

    @Test
    void ranksTitleMatchAboveBodyMatch() {
        // The wrist article has "fracture" in its title; osteoporosis only mentions fractures in its body.
        assertThat(ids("fracture")).startsWith(TestArticles.WRIST.id());
        assertThat(ids("osteoarthritis")).startsWith(TestArticles.KNEE_OA.id());
    }

    @Test
    void ranksHeadingMatchAboveBodyMatch() {
        // One article has the word in a heading, the other twice in its body.
        IndexedArticle inHeading = TestArticles.simple(100, "Moving well", "Some words about tendons here.");
        IndexedArticle inBody = TestArticles.simple(101, "Moving better", "Some words about tendons and tendons.");
        try (SearchIndex small = SearchIndex.open(dir.resolve("headings"), null)) {
            small.rebuild(Stream.of(inBody, new IndexedArticle(inHeading.id(), inHeading.slug(), inHeading.title(),
                    List.of("Tendons"), inHeading.body(), "", List.of(), List.of(), inHeading.publishedAt())));
            assertThat(small.search("tendons", 1, 10).hits()).extracting(Hit::id).containsExactly(100L, 101L);
        }
    }

    @Test
    void findsDiscHerniationForSlippedDisc() {
        assertThat(ids("slipped disc")).startsWith(TestArticles.DISC.id());
        assertThat(ids("Slipped discs")).contains(TestArticles.DISC.id());
    }

    @Test
    void findsLumbarForLowBack() {
        assertThat(ids("low back")).contains(TestArticles.STENOSIS.id());
    }

    @Test
    void findsLateralEpicondylitisForTennisElbow() {
        assertThat(ids("tennis elbow")).startsWith(TestArticles.ELBOW.id());
    }

    @Test
    void findsPlantarFasciitisForHeelPainAndPatellaForKneecap() {
        assertThat(ids("heel pain")).contains(TestArticles.HEEL.id());
        assertThat(ids("kneecap")).containsExactly(TestArticles.PATELLA.id());
    }

    @Test
    void requiresEveryWordWhenEveryWordFindsSomething() {
        assertThat(ids("stiff knee")).containsExactlyInAnyOrder(
                TestArticles.KNEE_OA.id(), TestArticles.STIFF_KNEE.id());
    }

    @Test
    void suggestsSciaticaForSciatca() {
        SearchResults results = index.search("sciatca", 1, 10);

        assertThat(results.didYouMean()).isEqualTo("sciatica");
        assertThat(results.hits()).extracting(Hit::id).startsWith(TestArticles.SCIATICA.id());
        assertThat(results.query()).isEqualTo("sciatca");
    }

    @Test
    void correctsOnlyTheMisspeltWordOfSeveral() {
        SearchResults results = index.search("frozen sholder", 1, 10);

        assertThat(results.didYouMean()).isEqualTo("frozen shoulder");
        assertThat(results.hits()).extracting(Hit::id).containsExactly(TestArticles.SHOULDER.id());
    }

    @Test
    void leavesCorrectlySpeltQueriesAlone() {
        assertThat(index.search("sciatica", 1, 10).didYouMean()).isNull();
    }

    @Test
    void fallsBackToAnyWordWhenNoArticleHasAllOfThem() {
        SearchResults results = index.search("shoulder heel", 1, 10);

        assertThat(results.hits()).extracting(Hit::id)
                .containsExactlyInAnyOrder(TestArticles.SHOULDER.id(), TestArticles.HEEL.id());
        assertThat(results.didYouMean()).isNull();
    }

    static Stream<String> hostileQueries() {
        return Stream.of("", "   ", "\t\n\r", "AND OR ((", "title:*", "*:*", "\"unclosed", "NOT", "((((((((", "))",
                "\\", "+-&&||!(){}[]^\"~*?:\\/", "?!.,;", "<script>alert(1)</script>", "a".repeat(10_240),
                "q".repeat(10_240), "%".repeat(10_240), "\u0000\u0001\u0002", "\uD83D", "\uD83D\uDE00 \uD83E\uDDB4",
                "the of and a", "{!lucene}zzzz", "zzqqxx ".repeat(2_000), "/regex.*/", "ükßé", "تجربة");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("hostileQueries")
    void returnsEmptyResultForEveryHostileQuery(String query) {
        SearchResults results = index.search(query, 1, 10);

        assertThat(results.hits()).isEmpty();
        assertThat(results.totalHits()).isZero();
        assertThat(results.totalPages()).isZero();
        assertThat(results.query()).hasSizeLessThanOrEqualTo(QueryText.MAX_CHARS);
        assertThat(index.suggest(query, 10)).isEmpty();
    }

    @Test
    void readsQuerySyntaxAsPlainWords() {
        // "title" is just a word, not a field: the same results as typing the two words.
        assertThat(ids("title:\"knee")).isEqualTo(ids("title knee"));
        assertThat(index.search("title:\"knee", 1, 10).allWordsMatched()).isFalse();
        assertThat(ids("(knee) AND NOT stiff*")).containsExactlyInAnyOrder(
                TestArticles.KNEE_OA.id(), TestArticles.STIFF_KNEE.id());
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 1, 999_999, Integer.MAX_VALUE})
    void acceptsAnyPageAndPageSize(int number) {
        SearchResults results = index.search("knee", number, number);

        assertThat(results.page()).isPositive();
        assertThat(results.hits()).hasSizeLessThanOrEqualTo(ArticleSearch.MAX_PAGE_SIZE);
    }

    @Test
    void searchesTheStartOfAnOverlongQuery() {
        SearchResults results = index.search("knee " + "x".repeat(20_000), 1, 10);

        assertThat(results.query()).hasSize(QueryText.MAX_CHARS).startsWith("knee x");
    }

    @Test
    void survivesQueriesThatExpandToManySynonyms() {
        String many = "slipped disc tennis elbow low back heel pain arthritis ".repeat(40);

        SearchResults results = index.search(many, 1, 10);

        assertThat(results.totalHits()).isPositive();
    }

    @Test
    void highlightsMatchedWordsInSnippet() {
        Hit wrist = index.search("fractures", 1, 10).hits().stream()
                .filter(hit -> hit.id() == TestArticles.WRIST.id()).findFirst().orElseThrow();

        assertThat(wrist.snippet().parts()).filteredOn(Snippet.Part::highlighted).extracting(Snippet.Part::text)
                .isNotEmpty().allSatisfy(text -> assertThat(text.toLowerCase()).startsWith("fracture"));
        assertThat(wrist.snippet().plainText()).contains("wrist fracture").doesNotContain("<");
    }

    @Test
    void highlightsSynonymsInSnippet() {
        Hit disc = index.search("slipped disc", 1, 10).hits().get(0);

        assertThat(disc.snippet().parts()).filteredOn(Snippet.Part::highlighted).extracting(Snippet.Part::text)
                .anySatisfy(text -> assertThat(text).containsIgnoringCase("herniation"));
    }

    @Test
    void snippetIsTextForTheTemplateToEscape() {
        IndexedArticle tricky = TestArticles.simple(1, "Ganglion", "Pain for <b>less</b> than 3 weeks & a ganglion.");
        try (SearchIndex small = SearchIndex.open(dir.resolve("tricky"), null)) {
            small.put(tricky);

            Snippet snippet = small.search("ganglion", 1, 10).hits().get(0).snippet();

            assertThat(snippet.plainText()).isEqualTo("Pain for <b>less</b> than 3 weeks & a ganglion.");
            assertThat(snippet.parts()).contains(new Snippet.Part("ganglion", true));
        }
    }

    @Test
    void givesTheOpeningOfTheBodyWhenOnlyTheTitleMatched() {
        Hit hit = index.search("lateral", 1, 10).hits().get(0);

        assertThat(hit.id()).isEqualTo(TestArticles.ELBOW.id());
        assertThat(hit.snippet().plainText()).startsWith("Repeated gripping");
    }

    @Test
    void returnsStoredFieldsOfEachHit() {
        Hit hit = index.search("plantar fasciitis", 1, 10).hits().get(0);

        assertThat(hit).extracting(Hit::id, Hit::slug, Hit::title, Hit::summary, Hit::publishedAt)
                .containsExactly(TestArticles.HEEL.id(), "plantar-fasciitis", "Plantar Fasciitis",
                        "Why the first steps of the day hurt.", TestArticles.HEEL.publishedAt());
    }

    @Test
    void pagesResults() {
        try (SearchIndex big = SearchIndex.open(dir.resolve("paging"), null)) {
            big.rebuild(IntStream.rangeClosed(1, 25).mapToObj(i ->
                    TestArticles.simple(i, "Exercise plan " + i, "A week of gentle rehabilitation exercise.")));

            SearchResults first = big.search("rehabilitation", 1, 10);
            SearchResults last = big.search("rehabilitation", 3, 10);
            SearchResults beyond = big.search("rehabilitation", 4, 10);

            assertThat(first.totalHits()).isEqualTo(25);
            assertThat(first.totalPages()).isEqualTo(3);
            assertThat(first.hits()).hasSize(10);
            assertThat(last.hits()).hasSize(5);
            assertThat(beyond.hits()).isEmpty();
            assertThat(beyond.totalPages()).isEqualTo(3);
            List<Long> everyPage = Stream.of(1, 2, 3)
                    .flatMap(page -> big.search("rehabilitation", page, 10).hits().stream())
                    .map(Hit::id).toList();
            assertThat(everyPage).doesNotHaveDuplicates().hasSize(25);
            assertThat(first.hits().get(0).id()).isEqualTo(25); // equal scores: the newest first
        }
    }
}
