package org.vertebra.content;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes and checks the URL names of articles, categories, tags and authors. Latin, Greek and
 * Cyrillic letters are written in plain Latin ("Dr Zoë Ærøskøbing-Łódź" becomes
 * "dr-zoe-aeroskobing-lodz"); the letters of other scripts (Devanagari, Arabic, Chinese, Tamil,
 * Hebrew, ...) are kept as they are, as WordPress keeps them, since no romanisation of them is one
 * that their readers would type or recognise. A slug is stored as text (NFC); in an address its
 * UTF-8 bytes are percent-encoded ({@link #inPath}).
 */
public final class Slugs {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");
    /** Joiners shape letters (Devanagari conjuncts, Persian word parts) but are no letters, nor a gap between words. */
    private static final Pattern JOINERS = Pattern.compile("[\\u200c\\u200d]");
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern NOT_ASCII_WORD = Pattern.compile("[^a-z0-9]*[^a-z0-9-][^a-z0-9]*");
    private static final int LONGEST_MADE = 120;

    /** First path segments that belong to the site itself, so no article may take them. */
    private static final Set<String> RESERVED = Set.of(
            "page", "category", "tag", "author", "feed", "search", "media", "static", "admin",
            "api", "healthz", "metrics", "wp-admin", "wp-content", "wp-json", "wp-login");

    private Slugs() {
    }

    /**
     * "Plantar Fasciitis: Causes &amp; Treatment" becomes "plantar-fasciitis-causes-treatment",
     * "Πόνος στη μέση" "ponos-sti-mesi", "कमर दर्द के कारण" "कमर-दर्द-के-कारण": lower case, words joined by
     * single hyphens, no letter left out; shortened to 120 characters at most.
     */
    public static String of(String text) {
        String slug = words(text);
        if (slug.codePointCount(0, slug.length()) > LONGEST_MADE) {
            int end = slug.offsetByCodePoints(0, LONGEST_MADE);
            // A vowel sign or virama belongs with the letter before it: cut before that letter, not between.
            while (end > 0 && Character.getType(slug.codePointAt(end)) == Character.NON_SPACING_MARK
                    || end > 0 && Character.getType(slug.codePointAt(end)) == Character.COMBINING_SPACING_MARK) {
                end = slug.offsetByCodePoints(end, -1);
            }
            slug = trimHyphens(slug.substring(0, end));
        }
        return slug;
    }

    /**
     * The slug's words written in ASCII alone, for names that must be (the media library's file
     * names): "Rücken कमर" becomes "rucken".
     */
    public static String ascii(String text) {
        return trimHyphens(NOT_ASCII_WORD.matcher(of(text)).replaceAll("-"));
    }

    /** Only letters and digits of this slug's own kind, as {@link #of} would make it: its own slug. */
    public static boolean isValid(String slug) {
        return slug.length() <= 200 && VALID.matcher(slug).matches() && words(slug).equals(slug);
    }

    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug);
    }

    /** The slug as a path segment: its UTF-8 bytes percent-encoded, so "कमर" is "%E0%A4%95%E0%A4%AE%E0%A4%B0". */
    public static String inPath(String slug) {
        StringBuilder out = new StringBuilder(slug.length());
        for (byte b : slug.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * A slug as it arrives in an address or an export (WordPress writes post_name percent-encoded,
     * in lower-case hex): decoded and in NFC, so that it equals the stored one. Text that is no
     * valid percent-encoding is returned as it came.
     */
    public static String fromPath(String segment) {
        if (segment.indexOf('%') < 0) {
            return Normalizer.normalize(segment, Normalizer.Form.NFC);
        }
        try {
            return Normalizer.normalize(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8),
                    Normalizer.Form.NFC);
        } catch (IllegalArgumentException notEncoded) {
            return segment;
        }
    }

    /**
     * Lower case, Latin, Greek and Cyrillic letters without their accents and in plain Latin, other
     * scripts' letters with all their marks (a vowel sign is part of a Devanagari or Tamil letter),
     * in NFC; words joined by single hyphens.
     */
    private static String words(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                if (!writtenInLatin(base)) {
                    kept.appendCodePoint(c);
                }
            } else {
                base = Character.UnicodeScript.of(c);
                kept.appendCodePoint(c);
            }
        }
        String plain = Transliteration.toAscii(Normalizer.normalize(JOINERS.matcher(kept).replaceAll(""), Normalizer.Form.NFC));
        return trimHyphens(WORD_SEPARATORS.matcher(plain).replaceAll("-"));
    }

    /** Scripts whose accents are dropped: their letters are written in plain Latin. */
    private static boolean writtenInLatin(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.COMMON
                || script == Character.UnicodeScript.INHERITED;
    }

    private static String trimHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }
}
