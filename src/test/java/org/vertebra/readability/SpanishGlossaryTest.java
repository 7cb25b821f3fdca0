package org.vertebra.readability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jargon finder's glossary is the text's language's: Spanish shipped, others from the site or none. */
class SpanishGlossaryTest {

    private final Glossaries glossaries = Glossaries.shippedOnly();

    @Test
    void findsSpanishTermsInASpanishTextWithTheirPlainWords() {
        String markdown = """
                ¿Artrosis o artritis? La lumbalgia crónica es frecuente.

                Las hernias discales y los tendones inflamados se tratan con AINE.

                - Tras la artroplastia, la movilización precoz ayuda.
                """;

        List<Glossary.Found> found = glossaries.forLanguage("es").find(markdown);

        assertThat(found).extracting(Glossary.Found::term).containsExactly("artrosis", "artritis", "lumbalgia",
                "crónico", "hernia discal", "AINE", "artroplastia", "movilización precoz");
        assertThat(found.get(0).firstLine()).isEqualTo(1);
        assertThat(found.get(0).plain()).isEqualTo("desgaste de la articulación");
        assertThat(found.get(4).firstLine()).isEqualTo(3);
    }

    @Test
    void shipsMoreThanSixtySpanishTermsAndKeepsEnglishApart() {
        assertThat(glossaries.forLanguage("es").size()).isGreaterThanOrEqualTo(60);
        assertThat(glossaries.forLanguage("es-MX").find("La artrosis de rodilla.")).hasSize(1);
        assertThat(glossaries.forLanguage("en").find("La artrosis de rodilla.")).isEmpty();
        assertThat(glossaries.forLanguage("es").find("Osteoarthritis of the lumbar spine.")).isEmpty();
        assertThat(glossaries.forLanguage(null).size()).isEqualTo(Glossary.shippedOnly().size());
    }

    @Test
    void hasNoGlossaryForALanguageWithoutOne() {
        assertThat(glossaries.forLanguage("hi").isEmpty()).isTrue();
        assertThat(glossaries.forLanguage("ar").find("التهاب المفاصل")).isEmpty();
        assertThat(glossaries.forLanguage("../etc").isEmpty()).isTrue();
    }

    @Test
    void readsASitesGlossaryForAnotherLanguageFromItsDataFolder(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("glossary-de.tsv"), "Arthrose\tGelenkverschleiß\n");
        Files.writeString(data.resolve("glossary-es.tsv"), "artrosis\t\nrodilla\tla articulación de la pierna\n");

        Glossaries site = Glossaries.load(data);

        assertThat(site.forLanguage("de").find("Die Arthrose im Knie. Eine Arthrose schmerzt.")).singleElement()
                .satisfies(f -> assertThat(f.count()).as("German nouns are capitalised: not names").isEqualTo(2));
        assertThat(site.forLanguage("es").plainFor("artrosis")).as("removed by the site").isNull();
        assertThat(site.forLanguage("es").plainFor("rodilla")).isEqualTo("la articulación de la pierna");
    }

    @Test
    void inflectsSpanishTermsAsTheRaeRulesDo() {
        assertThat(TermForms.spanishPlural("tendón")).isEqualTo("tendones");
        assertThat(TermForms.spanishPlural("inflamación")).isEqualTo("inflamaciones");
        assertThat(TermForms.spanishPlural("cicatriz")).isEqualTo("cicatrices");
        assertThat(TermForms.spanishPlural("artrosis")).isEqualTo("artrosis");
        assertThat(TermForms.spanishPlural("dolor")).isEqualTo("dolores");
        assertThat(TermForms.SPANISH.of("hernia discal")).contains("hernias discales");
        assertThat(TermForms.SPANISH.of("crónico")).contains("crónica", "crónicas");
    }
}
