package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.language.Language;

/**
 * The index with articles in several languages: each searched with its own language's analysis,
 * synonyms, spelling and suggestions, and found only in its own language.
 */
class SearchInLanguagesTest {

    private static final Language SPANISH = new Language("es");
    private static final Language HINDI = new Language("hi");
    private static final Language ARABIC = new Language("ar");

    static final IndexedArticle HIP = spanish(101, "fracturas-de-cadera", "Fracturas de cadera en personas mayores",
            "Una caída sencilla puede romper el cuello del fémur cuando los huesos son frágiles. Las fracturas de "
                    + "cadera suelen operarse en pocos días, y caminar pronto ayuda a recuperarse.");
    static final IndexedArticle HIP_SURGERY = spanish(102, "protesis-de-cadera", "Prótesis de cadera tras una fractura",
            "Cuando la fractura desplaza la cabeza del fémur, el cirujano pone una prótesis de cadera. La "
                    + "rehabilitación empieza al día siguiente y la mayoría camina con bastón en semanas.");
    static final IndexedArticle BACK = spanish(103, "dolor-de-espalda", "Dolor de espalda",
            "El dolor lumbar mejora casi siempre en unas semanas. Moverse con suavidad y caminar a diario ayudan "
                    + "más que el reposo en cama.");
    static final IndexedArticle KNEE_HINDI = new IndexedArticle(104, "ghutne-ka-dard", "घुटने का दर्द", List.of(),
            "उम्र के साथ घुटनों में दर्द होना आम है। रोज़ हल्का व्यायाम और वज़न कम करना मदद करता है।", "", List.of(),
            List.of(), Instant.parse("2024-07-01T08:00:00Z"), HINDI);
    static final IndexedArticle HIP_ARABIC = new IndexedArticle(105, "kusur-al-wirk", "كسور الورك عند كبار السن",
            List.of(), "تحدث كسور الورك غالبا بعد سقوط بسيط عندما تكون العظام هشة.", "", List.of(), List.of(),
            Instant.parse("2024-07-02T08:00:00Z"), ARABIC);

    @TempDir
    Path dir;

    private SearchIndex open(Path synonyms) {
        SearchIndex index = SearchIndex.open(dir.resolve("index"), synonyms);
        List<IndexedArticle> all = new ArrayList<>(TestArticles.ALL);
        all.addAll(List.of(HIP, HIP_SURGERY, BACK, KNEE_HINDI, HIP_ARABIC));
        index.rebuild(all.stream());
        return index;
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(Hit::id).toList();
    }

    @Test
    void aSpanishQueryFindsTheSpanishArticlesByTheirStemAndAnEnglishSearchDoesNot() {
        try (SearchIndex index = open(null)) {
            SearchResults spanish = index.search("fractura", SPANISH, 1, 10);
            SearchResults english = index.search("fractura", Language.ENGLISH, 1, 10);

            // "fracturas" in the title and "fractura" typed meet at the Spanish stem "fractur".
            assertThat(ids(spanish)).containsExactlyInAnyOrder(HIP.id(), HIP_SURGERY.id());
            assertThat(ids(english)).doesNotContain(HIP.id(), HIP_SURGERY.id(), HIP_ARABIC.id());
            assertThat(ids(index.search("fracture", Language.ENGLISH, 1, 10))).contains(TestArticles.WRIST.id())
                    .doesNotContain(HIP.id(), HIP_SURGERY.id());
        }
    }

    @Test
    void spanishStopWordsAreDroppedAndAccentsDoNotMatterInLongWords() {
        try (SearchIndex index = open(null)) {
            assertThat(ids(index.search("las prótesis de la cadera", SPANISH, 1, 10))).first().isEqualTo(HIP_SURGERY.id());
            assertThat(ids(index.search("rehabilitacion", SPANISH, 1, 10))).containsExactly(HIP_SURGERY.id());
        }
    }

    @Test
    void aRegionalTagSearchesItsLanguage() {
        try (SearchIndex index = open(null)) {
            assertThat(ids(index.search("caderas", new Language("es-MX"), 1, 10)))
                    .containsExactlyInAnyOrder(HIP.id(), HIP_SURGERY.id());
        }
    }

    @Test
    void hindiAndArabicArticlesAreFoundInTheirLanguagesThroughTheirStems() {
        try (SearchIndex index = open(null)) {
            // दर्दों ("pains") and दर्द ("pain") share the Hindi stem; الكسور is كسور with the article.
            assertThat(ids(index.search("दर्दों", HINDI, 1, 10))).containsExactly(KNEE_HINDI.id());
            assertThat(ids(index.search("الكسور", ARABIC, 1, 10))).containsExactly(HIP_ARABIC.id());
            assertThat(ids(index.search("दर्द", SPANISH, 1, 10))).isEmpty();
            assertThat(ids(index.search("كسور", Language.ENGLISH, 1, 10))).isEmpty();
        }
    }

    @Test
    void typosAreCorrectedWithTheLanguagesOwnWords() {
        try (SearchIndex index = open(null)) {
            SearchResults spanish = index.search("fractrua", SPANISH, 1, 10);
            SearchResults englishWordInSpanish = index.search("sciatca", SPANISH, 1, 10);

            assertThat(spanish.didYouMean()).isEqualTo("fractura");
            assertThat(ids(spanish)).containsExactlyInAnyOrder(HIP.id(), HIP_SURGERY.id());
            // "sciatica" is a word of the English articles only: a Spanish search is never offered it.
            assertThat(englishWordInSpanish.didYouMean()).isNull();
            assertThat(ids(englishWordInSpanish)).isEmpty();
            assertThat(index.search("sciatca", Language.ENGLISH, 1, 10).didYouMean()).isEqualTo("sciatica");
        }
    }

    @Test
    void spanishSynonymsComeFromTheDataFolderBesideTheEnglishOnes() throws IOException {
        Path english = dir.resolve("synonyms.txt");
        Files.writeString(dir.resolve("synonyms.es.txt"), "coxofemoral, cadera\n");

        try (SearchIndex index = open(english)) {
            assertThat(ids(index.search("coxofemoral", SPANISH, 1, 10))).containsExactlyInAnyOrder(HIP.id(), HIP_SURGERY.id());
            assertThat(ids(index.search("coxofemoral", Language.ENGLISH, 1, 10))).isEmpty();
            // The English list is still the shipped one: "kneecap" finds the patella.
            assertThat(ids(index.search("kneecap", Language.ENGLISH, 1, 10))).containsExactly(TestArticles.PATELLA.id());
        }
    }

    @Test
    void aSynonymWrittenWithoutLittleWordsMatchesTextThatHasThem() {
        try (SearchIndex index = open(null)) {
            // synonyms.es.txt: "prótesis cadera, reemplazo cadera, artroplastia cadera"; the text says "prótesis de cadera".
            assertThat(ids(index.search("reemplazo de cadera", SPANISH, 1, 10))).first().isEqualTo(HIP_SURGERY.id());
            assertThat(ids(index.search("artroplastia cadera", SPANISH, 1, 10))).containsExactly(HIP_SURGERY.id());
        }
    }

    @Test
    void shippedSpanishSynonymsApplyWhenTheSiteHasNone() {
        try (SearchIndex index = open(null)) {
            // synonyms.es.txt: "fractura, rotura hueso, hueso roto"
            assertThat(ids(index.search("hueso roto", SPANISH, 1, 10))).contains(HIP.id(), HIP_SURGERY.id());
            assertThat(Synonyms.load(null, IndexLanguage.forKey("es")).fst).isNotNull();
        }
    }

    @Test
    void aBrokenSpanishListIsReportedAtOpenWithItsName() throws IOException {
        Path spanish = Files.writeString(dir.resolve("synonyms.es.txt"), "cadera => \n?!, rodilla\n");

        assertThatThrownBy(() -> SearchIndex.open(dir.resolve("index"), dir.resolve("synonyms.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(spanish.toString());
    }

    @Test
    void relatedArticlesAreInTheArticlesOwnLanguage() {
        try (SearchIndex index = open(null)) {
            assertThat(index.related(HIP.id(), 5)).contains(HIP_SURGERY.id())
                    .allMatch(id -> id == HIP_SURGERY.id() || id == BACK.id());
            assertThat(index.related(TestArticles.OSTEOPOROSIS.id(), 10))
                    .isNotEmpty().doesNotContain(HIP.id(), HIP_SURGERY.id(), BACK.id(), HIP_ARABIC.id());
        }
    }

    @Test
    void titleSuggestionsAreTheLanguagesTitles() {
        try (SearchIndex index = open(null)) {
            assertThat(index.suggest("fract", SPANISH, 5)).extracting(Suggestion::slug)
                    .containsExactlyInAnyOrder(HIP.slug(), HIP_SURGERY.slug());
            assertThat(index.suggest("fract", Language.ENGLISH, 5)).extracting(Suggestion::slug)
                    .containsExactly(TestArticles.WRIST.slug());
        }
    }

    @Test
    void aLanguageLuceneCannotStemIsStillFoundByItsWords() {
        IndexedArticle swahili = new IndexedArticle(106, "maumivu-ya-mgongo", "Maumivu ya mgongo", List.of(),
                "Maumivu ya mgongo hupona baada ya wiki chache.", "", List.of(), List.of(),
                Instant.parse("2024-07-03T08:00:00Z"), new Language("sw"));
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), null)) {
            index.rebuild(java.util.stream.Stream.of(swahili, TestArticles.DISC));

            assertThat(ids(index.search("mgongo", new Language("sw"), 1, 10))).containsExactly(swahili.id());
            assertThat(ids(index.search("mgongo", Language.ENGLISH, 1, 10))).isEmpty();
        }
    }

    private static IndexedArticle spanish(long id, String slug, String title, String body) {
        return new IndexedArticle(id, slug, title, List.of(), body, "", List.of(), List.of(),
                Instant.parse("2024-06-0" + (id - 100) + "T08:00:00Z"), SPANISH);
    }
}
