package org.vertebra.layout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in words for readers ("1 February 2024") and in ISO form for {@code <time datetime>}. */
public final class DateText {

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DateText() {
    }

    public static String words(Instant instant) {
        return instant == null ? null : WORDS.format(instant.atZone(ZoneOffset.UTC));
    }

    public static String words(LocalDate date) {
        return date == null ? null : WORDS.format(date);
    }

    public static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(ZoneOffset.UTC));
    }
}
