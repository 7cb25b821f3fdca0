package org.vertebra.article;

/**
 * Thrown by a save whose language or {@code translation_of} does not fit its translation group:
 * the original is unknown, or the group has that language already. Nothing was saved.
 */
public final class TranslationRefused extends RuntimeException {

    /** The form field that fixes it: "lang" or "translation_of". */
    private final String field;
    private final boolean originalUnknown;

    TranslationRefused(String field, String message) {
        this(field, message, false);
    }

    TranslationRefused(String field, String message, boolean originalUnknown) {
        super(message);
        this.field = field;
        this.originalUnknown = originalUnknown;
    }

    /** Whether no article has the original's slug: an import may meet the original later in its files. */
    public boolean originalUnknown() {
        return originalUnknown;
    }

    public String field() {
        return field;
    }
}
