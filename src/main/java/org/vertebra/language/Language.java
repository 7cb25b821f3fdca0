package org.vertebra.language;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language a text is written in, as a BCP 47 tag in its canonical case ("en", "es", "pt-BR",
 * "zh-Hant"). Articles, pages, the site and a patient's booking each have one.
 */
public record Language(String tag) {

    /** The language a site has until an administrator sets another. */
    public static final Language ENGLISH = new Language("en");

    /** Scripts written right to left, whose pages need {@code dir="rtl"}. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "ug");

    public Language {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a language tag is needed");
        }
    }

    /**
     * The language of a tag as a person or a file writes it ("ES", "pt_br", " fr "); empty when it is
     * not a well-formed BCP 47 tag or names no language Java knows.
     */
    public static Optional<Language> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(text.strip().replace('_', '-')).build();
            if (locale.getLanguage().isEmpty() || locale.getDisplayLanguage(Locale.ENGLISH).equals(locale.getLanguage())) {
                return Optional.empty();
            }
            return Optional.of(new Language(locale.toLanguageTag()));
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** As {@link #parse}, with the message a writer reads when the tag is not one. */
    public static Language of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a language tag: use a BCP 47 tag such as en, es, fr, de, hi, ar or pt-BR"));
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language without its region or script: "pt" for "pt-BR", what analyzers and formulas are chosen by. */
    public String base() {
        return locale().getLanguage();
    }

    /** The language named in itself, as a switcher shows it: "Español", "हिन्दी", "English (United States)". */
    public String nativeName() {
        Locale locale = locale();
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** The language named in English, for the desk and the settings: "Spanish", "Hindi". */
    public String englishName() {
        String name = locale().getDisplayName(Locale.ENGLISH);
        return name.isEmpty() ? tag : name;
    }

    /** "rtl" for a script written right to left, else "ltr": the {@code dir} of a page in this language. */
    public String direction() {
        return RIGHT_TO_LEFT.contains(base()) ? "rtl" : "ltr";
    }

    @Override
    public String toString() {
        return tag;
    }
}
