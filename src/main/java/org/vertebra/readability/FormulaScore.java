package org.vertebra.readability;

/**
 * One readability formula's result for a text, with what the editor needs to read it.
 *
 * @param formula  its name ("Szigriszt-Pazos perspicuity (INFLESZ)")
 * @param source   who published the formula and its constants, and when
 * @param value    the score; NaN when there is no prose
 * @param band     the score's band on the formula's published scale ("normal"), "" when there is no prose
 * @param scale    how to read the score ("0 to 100, higher is easier")
 * @param target   what patient material should reach, or "" when the formula has no target here
 * @param onTarget whether the score reaches the target (true when there is no target or no prose)
 * @param isGrade  whether the score is a school grade (a year of schooling), as the site's grade limit is
 */
public record FormulaScore(String formula, String source, double value, String band, String scale, String target,
                           boolean onTarget, boolean isGrade) {

    /** Whether the formula has a target that this site's panel checks. */
    public boolean hasTarget() {
        return !target.isEmpty();
    }
}
