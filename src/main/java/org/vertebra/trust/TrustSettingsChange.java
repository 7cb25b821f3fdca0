package org.vertebra.trust;

import org.vertebra.form.Problems;

/**
 * The trust settings as an administrator sets them.
 *
 * @param defaultDisclosure  the disclosure of articles that have none of their own
 * @param maxGrade           the highest reading grade to publish, or null for no limit
 * @param minPemat           the lowest PEMAT understandability and actionability to publish, in percent, or null for none
 */
public record TrustSettingsChange(String defaultDisclosure, Integer maxGrade, Integer minPemat) {

    /** The settings without a PEMAT minimum. */
    public TrustSettingsChange(String defaultDisclosure, Integer maxGrade) {
        this(defaultDisclosure, maxGrade, null);
    }

    public static final int DISCLOSURE_MAX = 1000;
    public static final int LOWEST_GRADE = 4;
    public static final int HIGHEST_GRADE = 14;

    /** Checks what the form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static TrustSettingsChange parse(String disclosure, String maxGrade) {
        return parse(disclosure, maxGrade, "");
    }

    /** As {@link #parse(String, String)}, with the PEMAT minimum: a whole percentage from 0 to 100, or empty for none. */
    public static TrustSettingsChange parse(String disclosure, String maxGrade, String minPemat) {
        Problems problems = new Problems();
        String text = problems.required("defaultDisclosure", "Default disclosure",
                disclosure == null ? null : disclosure.replaceAll("\\s*\\R\\s*", " "), DISCLOSURE_MAX);
        Integer grade = null;
        String raw = maxGrade == null ? "" : maxGrade.strip();
        if (!raw.isEmpty()) {
            if (!raw.matches("\\d{1,2}") || Integer.parseInt(raw) < LOWEST_GRADE || Integer.parseInt(raw) > HIGHEST_GRADE) {
                problems.add("maxGrade", "Give a whole grade from " + LOWEST_GRADE + " to " + HIGHEST_GRADE
                        + ", or leave it empty to publish at any grade.");
            } else {
                grade = Integer.parseInt(raw);
            }
        }
        Integer pemat = null;
        String rawPemat = minPemat == null ? "" : minPemat.strip();
        if (!rawPemat.isEmpty()) {
            if (!rawPemat.matches("\\d{1,3}") || Integer.parseInt(rawPemat) > 100) {
                problems.add("minPemat", "Give a whole percentage from 0 to 100, or leave it empty to publish without"
                        + " a PEMAT minimum.");
            } else {
                pemat = Integer.parseInt(rawPemat);
            }
        }
        problems.check();
        return new TrustSettingsChange(text, grade, pemat);
    }
}
