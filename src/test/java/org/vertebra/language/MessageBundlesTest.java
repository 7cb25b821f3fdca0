package org.vertebra.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped bundles are complete and agree with the code; a site adds or changes texts from its data folder. */
class MessageBundlesTest {

    /** A key as templates and code ask for it: text().get("..."), text.format("...", ...), messages.get("..."). */
    private static final Pattern KEY_USE = Pattern.compile("\\b(?:get|format)\\(\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"");

    @TempDir
    Path temp;

    @Test
    void everyShippedBundleHasEveryKeyOfEveryOther() {
        MessageBundles bundles = MessageBundles.shipped();
        Set<String> all = new TreeSet<>();
        MessageBundles.SHIPPED.forEach(lang -> all.addAll(bundles.of(lang).keys()));
        assertThat(all).isNotEmpty();
        for (Language lang : MessageBundles.SHIPPED) {
            Messages messages = bundles.of(lang);
            assertThat(all.stream().filter(key -> !messages.has(key)).toList()).as("keys missing from " + lang).isEmpty();
            assertThat(all.stream().filter(key -> messages.get(key).isBlank()).toList()).as("empty texts in " + lang).isEmpty();
        }
    }

    @Test
    void everyKeyTheTemplatesAndCodeAskForIsInTheShippedBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/jte"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = KEY_USE.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        Messages english = MessageBundles.shipped().of(Language.ENGLISH);
        assertThat(used).contains("layout.skip.main");
        assertThat(used.stream().filter(key -> !english.has(key)).toList()).as("keys used but not in messages_en").isEmpty();
    }

    @Test
    void aLanguageFallsBackFromItsRegionToItsBaseAndThenToEnglish() throws IOException {
        Files.writeString(temp.resolve("messages_es_MX.properties"), "layout.skip.main=Ir al contenido\n");
        Files.writeString(temp.resolve("messages_en.properties"), "layout.skip.sidebar=Skip to the side column\n");
        MessageBundles bundles = new MessageBundles(temp);

        Messages mexican = bundles.of(new Language("es-MX"));
        assertThat(mexican.get("layout.skip.main")).isEqualTo("Ir al contenido");
        assertThat(mexican.get("layout.skip.navigation")).isEqualTo("Saltar a la navegación principal");
        assertThat(bundles.of(Language.ENGLISH).get("layout.skip.sidebar")).isEqualTo("Skip to the side column");
        assertThat(bundles.of(Language.ENGLISH).get("layout.skip.main")).isEqualTo("Skip to main content");
        // A language with no bundle reads English; an unknown key shows itself.
        assertThat(bundles.of(new Language("sw")).get("layout.skip.main")).isEqualTo("Skip to main content");
        assertThat(bundles.of(new Language("sw")).get("no.such.key")).isEqualTo("[no.such.key]");
        assertThat(bundles.speaks(new Language("es-AR"))).isTrue();
        assertThat(bundles.speaks(new Language("sw"))).isFalse();
    }

    @Test
    void aSiteAddsALanguageByDroppingABundleInItsDataFolder() throws IOException {
        Files.writeString(temp.resolve("messages_pl.properties"), "layout.skip.main=Przejdź do treści\n");
        Messages polish = new MessageBundles(temp).of(new Language("pl"));
        assertThat(polish.get("layout.skip.main")).isEqualTo("Przejdź do treści");
        assertThat(polish.get("layout.skip.sidebar")).isEqualTo("Skip to primary sidebar");
        assertThat(polish.date(java.time.LocalDate.of(2024, 2, 1))).isEqualTo("1 lutego 2024");
    }
}
