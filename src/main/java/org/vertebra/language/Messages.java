package org.vertebra.language;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

/**
 * The interface text of one language: what templates, mails and messages show readers and
 * patients. A key the language lacks falls back to the English text, so a bundle a site adds may
 * be partial; a key no bundle has shows as itself in brackets, which tests look for.
 */
public final class Messages {

    private static final String DATE_PATTERN = "date.long";

    private final Language lang;
    private final Map<String, String> texts;
    private final Messages fallback;

    Messages(Language lang, Map<String, String> texts, Messages fallback) {
        this.lang = lang;
        this.texts = Map.copyOf(texts);
        this.fallback = fallback;
    }

    public Language lang() {
        return lang;
    }

    /** The text for this key, or the English one when this language has none. */
    public String get(String key) {
        String text = texts.get(key);
        if (text != null) {
            return text;
        }
        return fallback != null ? fallback.get(key) : "[" + key + "]";
    }

    /** The text with its {0}, {1} ... filled in, numbers and choices in this language's way (java.text.MessageFormat). */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), lang.locale()).format(arguments);
    }

    /** Whether this language's own bundle (not the fallback) has the key. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /**
     * A date in words as this language writes it: "1 February 2024", "1 de febrero de 2024". The
     * bundle's {@code date.long} pattern decides, so that English stays day-first as the site always
     * wrote it rather than the JDK's American "February 1, 2024"; a bundle without one gets the
     * JDK's long style for its language.
     */
    public String date(LocalDate date) {
        if (date == null) {
            return null;
        }
        DateTimeFormatter words = has(DATE_PATTERN) || fallback == null
                ? DateTimeFormatter.ofPattern(get(DATE_PATTERN), lang.locale())
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale());
        return words.format(date);
    }

    /** The day (in UTC) of a moment in words, as {@link #date(LocalDate)}. */
    public String date(Instant instant) {
        return instant == null ? null : date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The keys of this language's own bundle. */
    public java.util.Set<String> keys() {
        return texts.keySet();
    }
}
