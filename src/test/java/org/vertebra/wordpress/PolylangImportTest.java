package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.Translation;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.trust.ImportDisclosure;

/**
 * The WordPress import of Polylang's languages and translation groups, from a HAND-WRITTEN export
 * (src/test/resources/wordpress/polylang-handwritten.xml): Polylang could not be had here from
 * Debian's or npm's packages to make a real one, so the file follows the structure WordPress's
 * exporter writes for Polylang's documented taxonomies (see the comment at its top).
 */
class PolylangImportTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void polylangsLanguagesAndTranslationGroupsBecomeLangAndTranslationOf(TestDatabase database) throws Exception {
        try (TestSite testSite = TestSite.open(database, temp, TestClock.at("2026-06-01T12:00:00Z"))) {
            Site site = testSite.site();
            site.initialize(false);
            Path export = Path.of(PolylangImportTest.class.getResource("/wordpress/polylang-handwritten.xml").toURI());

            WordPressReport report = site.wordpress.importFile(export, null, false,
                    ImportDisclosure.defaultTo("The writers declare no conflicts of interest."), WordPressImporter.Progress.none());
            assertThat(report.failures()).isEmpty();

            Article english = site.articleWriter.bySlug("back-pain").orElseThrow();
            Article spanish = site.articleWriter.bySlug("dolor-de-espalda").orElseThrow();
            Article hindi = site.articleWriter.bySlug("kamar-dard").orElseThrow();
            // The group's member in the site's language (English) is its original, though the Spanish came first in the file.
            assertThat(english.lang().tag()).isEqualTo("en");
            assertThat(english.translationOf()).isNull();
            assertThat(spanish.lang().tag()).isEqualTo("es");
            assertThat(spanish.translationOf()).isEqualTo(english.id());
            assertThat(hindi.lang().tag()).isEqualTo("hi");
            assertThat(hindi.translationOf()).isEqualTo(english.id());
            assertThat(site.articleWriter.translations(spanish)).extracting(t -> t.lang().tag()).containsExactly("en", "es", "hi");

            // A group without the site's language: its lowest post id (the French, post 20) is the original.
            Article french = site.articleWriter.bySlug("douleur-au-genou").orElseThrow();
            Article rodilla = site.articleWriter.bySlug("dolor-de-rodilla").orElseThrow();
            assertThat(french.lang().tag()).isEqualTo("fr");
            assertThat(french.translationOf()).isNull();
            assertThat(rodilla.translationOf()).isEqualTo(french.id());
            assertThat(site.articleWriter.translations(french)).extracting(Translation::original).containsExactly(false, true);

            // A post with a language and no group.
            Article german = site.articleWriter.bySlug("schulterschmerzen").orElseThrow();
            assertThat(german.lang().tag()).isEqualTo("de");
            assertThat(german.translationOf()).isNull();

            // Importing the same export again changes no group.
            WordPressReport again = site.wordpress.importFile(export, null, false,
                    ImportDisclosure.defaultTo("The writers declare no conflicts of interest."), WordPressImporter.Progress.none());
            assertThat(again.failures()).isEmpty();
            assertThat(site.articleWriter.bySlug("dolor-de-espalda").orElseThrow().translationOf()).isEqualTo(english.id());
            assertThat(site.articleWriter.bySlug("dolor-de-rodilla").orElseThrow().translationOf()).isEqualTo(french.id());
        }
    }

    @Test
    void aSerializedArrayIsReadWithItsLengthsInUtf8Bytes() {
        assertThat(PhpSerialized.array("a:2:{s:2:\"en\";i:12;s:2:\"es\";i:14;}")).isEqualTo(Map.of("en", "12", "es", "14"));
        assertThat(PhpSerialized.array("a:3:{s:6:\"locale\";s:5:\"es_ES\";s:4:\"name\";s:8:\"Español\";s:3:\"rtl\";i:0;}"))
                .containsEntry("locale", "es_ES").containsEntry("name", "Español").containsEntry("rtl", "0");
        assertThat(PhpSerialized.array("a:1:{s:4:\"nest\";a:1:{i:0;s:1:\"x\";}}")).isEmpty();
        assertThat(PhpSerialized.array("not serialized")).isEmpty();
        assertThat(PhpSerialized.array("a:2:{s:2:\"en\";i:12;")).as("cut short").isEmpty();
    }
}
