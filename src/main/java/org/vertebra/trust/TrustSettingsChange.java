package org.vertebra.trust;

import org.vertebra.form.Problems;

/**
 * The trust settings as an administrator sets them.
 *
 * @param defaultDisclosure  the disclosure of articles that have none of their own
 * @param maxGrade           the highest reading grade to publish, or null for no limit
 */
public record TrustSettingsChange(String defaultDisclosure, Integer maxGrade) {

    public static final int DISCLOSURE_MAX = 1000;
    public static final int LOWEST_GRADE = 4;
    public static final int HIGHEST_GRADE = 14;

    /** Checks what the form sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    public static TrustSettingsChange parse(String disclosure, String maxGrade) {
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
        problems.check();
        return new TrustSettingsChange(text, grade);
    }
}
