package org.vertebra.reference;

/**
 * A notice that changes how far a publication can be trusted: its retraction, withdrawal, an
 * expression of concern about it, or a correction.
 *
 * @param kind    one of {@link #RETRACTION}, {@link #WITHDRAWAL}, {@link #EXPRESSION_OF_CONCERN}, {@link #CORRECTION}
 * @param notice  the notice's DOI, or PubMed's words for it when it has none
 * @param source  who said so: "Crossref", "Retraction Watch" (through Crossref) or "PubMed"
 */
public record UpdateNotice(String kind, String notice, String source) {

    public static final String RETRACTION = "retraction";
    public static final String WITHDRAWAL = "withdrawal";
    public static final String EXPRESSION_OF_CONCERN = "expression_of_concern";
    public static final String CORRECTION = "correction";

    /**
     * Our kind for one of Crossref's update types; null for the types that do not touch trust
     * (new versions, addenda, clarifications).
     */
    static String kindOfCrossrefType(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
            case "retraction", "partial_retraction", "removal" -> RETRACTION;
            case "withdrawal" -> WITHDRAWAL;
            case "expression_of_concern" -> EXPRESSION_OF_CONCERN;
            case "correction", "erratum", "corrigendum" -> CORRECTION;
            default -> null;
        };
    }

    /** Whether readers should no longer rely on the work: retracted or withdrawn. */
    public boolean isRetraction() {
        return RETRACTION.equals(kind) || WITHDRAWAL.equals(kind);
    }

    /** How an editor reads the kind. */
    public String label() {
        return switch (kind) {
            case RETRACTION -> "retracted";
            case WITHDRAWAL -> "withdrawn";
            case EXPRESSION_OF_CONCERN -> "under an expression of concern";
            default -> "corrected";
        };
    }
}
