package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jargon finder on a planted text, and the shipped glossary with a site's own on top. */
class GlossaryTest {

    @TempDir
    Path temp;

    @Test
    void shipsAtLeastOneHundredAndFiftyEntries() {
        Glossary glossary = Glossary.shippedOnly();

        assertThat(glossary.size()).isGreaterThanOrEqualTo(150);
        assertThat(glossary.plainFor("lumbar")).isEqualTo("lower back");
        assertThat(glossary.plainFor("Contraindicated")).isEqualTo("not advised");
        assertThat(glossary.plainFor("bilateral")).isEqualTo("both sides");
        assertThat(glossary.plainFor("analgesic")).isEqualTo("pain reliever");
    }

    @Test
    void findsPlantedTermsAsWholeWordsAndSimplePluralsWithTheirFirstLine() {
        String markdown = """
                Bilateral lumbar pain is common. NSAIDs are contraindicated for some people.

                Both femurs were fine, and a deep vein
                thrombosis is rare. The radiographs were normal. Traumatic injuries need care.

                - Simple analgesia helps.

                ```
                lumbar in a code block is not prose
                ```
                """;

        List<Glossary.Found> found = Glossary.shippedOnly().find(markdown);

        assertThat(found).extracting(Glossary.Found::term).containsExactly("bilateral", "lumbar", "NSAID",
                "contraindicated", "femur", "deep vein thrombosis", "radiograph", "analgesia");
        assertThat(found).filteredOn(f -> f.term().equals("deep vein thrombosis")).singleElement()
                .satisfies(f -> {
                    assertThat(f.plain()).isEqualTo("blood clot in a leg vein");
                    assertThat(f.firstLine()).isEqualTo(3);
                });
        assertThat(found).filteredOn(f -> f.term().equals("lumbar")).singleElement()
                .satisfies(f -> assertThat(f.count()).isEqualTo(1));
    }

    @Test
    void aCapitalisedNameInsideASentenceIsNotTheMedicalTerm() {
        Glossary glossary = Glossary.shippedOnly();

        assertThat(glossary.find("Demo text written to demonstrate Vertebra, a platform.")).isEmpty();
        assertThat(glossary.find("Vertebra is one bone of the spine.")).extracting(Glossary.Found::term)
                .containsExactly("vertebra");
        assertThat(glossary.find("The pain is in one vertebra.")).extracting(Glossary.Found::term)
                .containsExactly("vertebra");
    }

    @Test
    void pluralsOfWordsEndingInYAndIsAreFound() {
        Glossary glossary = Glossary.of("comorbidity\tother health problem", "diagnosis\tfinding out what is wrong");

        assertThat(glossary.find("Two comorbidities and three diagnoses.")).extracting(Glossary.Found::term)
                .containsExactly("comorbidity", "diagnosis");
        assertThat(glossary.find("Comorbidityless prose.")).isEmpty();
    }

    @Test
    void aSiteFileReplacesAddsAndRemovesEntries() throws Exception {
        Path site = Files.writeString(temp.resolve("glossary.tsv"), """
                # our own words
                lumbar\tthe low back
                bilateral\t
                kyphoplasty\tcement injected into a broken spinal bone
                """);

        Glossary glossary = Glossary.load(site);

        assertThat(glossary.plainFor("lumbar")).isEqualTo("the low back");
        assertThat(glossary.plainFor("bilateral")).isNull();
        assertThat(glossary.plainFor("kyphoplasty")).isEqualTo("cement injected into a broken spinal bone");
        assertThat(glossary.size()).isEqualTo(Glossary.shippedOnly().size());
        assertThat(glossary.find("Bilateral kyphoplasty.")).extracting(Glossary.Found::term).containsExactly("kyphoplasty");
    }
}
