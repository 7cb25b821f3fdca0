package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.vertebra.content.FrontMatterParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMOG and Gunning Fog on three reference texts that we wrote for these tests (in
 * src/test/resources/readability: a plain leaflet, a general patient article and a specialist
 * summary), against reference values computed with the published formulas and the syllables of
 * the CMU Pronouncing Dictionary. Our syllable counter is a heuristic; the dictionary records how
 * each word is spoken, so it is the yardstick. Half a grade is the tolerance.
 */
class ReferenceGradesTest {

    private static PronouncingDictionary dictionary;

    @BeforeAll
    static void loadDictionary() throws IOException {
        dictionary = PronouncingDictionary.installed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain-leaflet.txt", "general-article.txt", "clinical-summary.txt"})
    void smogIsWithinHalfAGradeOfTheReferenceValue(String file) throws IOException {
        String text = referenceText(file);

        assertThat(Readability.of(text).smogGrade()).isCloseTo(DictionaryGrades.of(text, dictionary).smog(), within(0.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain-leaflet.txt", "general-article.txt", "clinical-summary.txt"})
    void gunningFogIsWithinHalfAGradeOfTheReferenceValue(String file) throws IOException {
        String text = referenceText(file);

        assertThat(Readability.of(text).gunningFog()).isCloseTo(DictionaryGrades.of(text, dictionary).fog(), within(0.5));
    }

    /** So that the tolerance means something, the texts span the grades an author meets. */
    @ParameterizedTest
    @CsvSource({"plain-leaflet.txt, 4, 7", "general-article.txt, 10, 13", "clinical-summary.txt, 17, 23"})
    void referenceTextsSpanPatientToSpecialistGrades(String file, double lowest, double highest) throws IOException {
        assertThat(DictionaryGrades.of(referenceText(file), dictionary).smog()).isBetween(lowest, highest);
    }

    /** A word missing from the reference would silently count as one of few syllables. */
    @ParameterizedTest
    @ValueSource(strings = {"plain-leaflet.txt", "general-article.txt", "clinical-summary.txt"})
    void dictionaryKnowsAlmostEveryWordOfTheReferenceTexts(String file) throws IOException {
        DictionaryGrades reference = DictionaryGrades.of(referenceText(file), dictionary);

        assertThat(reference.unknownWords()).as("words not in the dictionary: %s", reference.unknownWords())
                .isEmpty();
    }

    /** The demo site's fourteen articles are a larger corpus of the patient writing Vertebra serves. */
    @ParameterizedTest
    @MethodSource("demoArticles")
    void demoArticlesAreWithinHalfAGradeOfTheReferenceValues(String article) throws IOException {
        String body = new FrontMatterParser().parse(resource("/demo/articles/" + article)).body();
        ReadabilityReport ours = Readability.ofMarkdown(body);
        DictionaryGrades reference = DictionaryGrades.ofMarkdown(body, dictionary);

        assertThat(reference.unknownWords()).as("words not in the dictionary").isEmpty();
        assertThat(ours.smogGrade()).as("SMOG").isCloseTo(reference.smog(), within(0.5));
        assertThat(ours.gunningFog()).as("Gunning Fog").isCloseTo(reference.fog(), within(0.5));
    }

    static Stream<String> demoArticles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(ReferenceGradesTest.class.getResource("/demo/articles").toURI()))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(14);
            return names.stream();
        }
    }

    private static String referenceText(String file) throws IOException {
        return resource("/readability/" + file);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReferenceGradesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
