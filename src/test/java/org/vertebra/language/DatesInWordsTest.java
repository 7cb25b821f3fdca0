package org.vertebra.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vertebra.layout.DateText;

/** Dates in the words of a page's language; English as the site always wrote it. */
class DatesInWordsTest {

    private final MessageBundles bundles = MessageBundles.shipped();

    @Test
    void englishStaysDayFirstAsDateTextWroteIt() {
        LocalDate day = LocalDate.of(2024, 2, 1);
        assertThat(bundles.of(Language.ENGLISH).date(day)).isEqualTo("1 February 2024").isEqualTo(DateText.words(day));
        Instant late = Instant.parse("2024-12-31T23:30:00Z");
        assertThat(bundles.of(Language.ENGLISH).date(late)).isEqualTo(DateText.words(late)).isEqualTo("31 December 2024");
    }

    @Test
    void spanishAndItsRegionsWriteTheMonthInSpanish() {
        assertThat(bundles.of(new Language("es")).date(LocalDate.of(2024, 2, 1))).isEqualTo("1 de febrero de 2024");
        assertThat(bundles.of(new Language("es-MX")).date(LocalDate.of(2024, 9, 15))).isEqualTo("15 de septiembre de 2024");
    }

    @Test
    void aLanguageWithNoPatternUsesItsOwnLongDate() {
        assertThat(bundles.of(new Language("fr")).date(LocalDate.of(2024, 2, 1))).isEqualTo("1 février 2024");
    }
}
