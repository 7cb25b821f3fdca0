package org.vertebra.form;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects what is wrong with a form's values while a command is parsed, so a person sees every
 * problem at once; {@link #check()} throws them together.
 */
public final class Problems {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private final List<FieldProblem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    /** The value stripped, or null when it is empty; notes a problem when it is longer than {@code max}. */
    public String optional(String field, String label, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            add(field, label + " is too long: at most " + max + " characters.");
        } else if (CONTROL.matcher(clean).find()) {
            add(field, label + " contains characters that cannot be shown.");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** As {@link #optional}, and notes a problem when the value is empty. */
    public String required(String field, String label, String value, int max) {
        String clean = optional(field, label, value, max);
        if (clean == null) {
            add(field, "Enter the " + label.toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return clean;
    }

    /** Throws the problems found, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }
}
