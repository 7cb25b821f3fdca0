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

    /** A problem of a known kind ({@link FieldProblem#code}), which a public form may say in its page's language. */
    public void add(String field, String code, String message, Object... arguments) {
        problems.add(new FieldProblem(field, message, code, List.of(arguments)));
    }

    /** The value stripped, or null when it is empty; notes a problem when it is longer than {@code max}. */
    public String optional(String field, String label, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > max) {
            add(field, "too-long", label + " is too long: at most " + max + " characters.", max);
        } else if (CONTROL.matcher(clean).find()) {
            add(field, "unprintable", label + " contains characters that cannot be shown.");
        }
        return clean.isEmpty() ? null : clean;
    }

    /** As {@link #optional}, and notes a problem when the value is empty. */
    public String required(String field, String label, String value, int max) {
        String clean = optional(field, label, value, max);
        if (clean == null) {
            add(field, "required", "Enter the " + label.toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return clean;
    }

    /** The longest address mail servers accept (RFC 5321's path limit less its brackets). */
    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /**
     * An email address, required: stripped, and noted as a problem when it is empty, too long or
     * not of the form name@domain.tld. Nothing more is checked; the confirmation mail is the real test.
     */
    public String email(String field, String label, String value) {
        String clean = required(field, label, value, EMAIL_MAX);
        if (clean != null && clean.length() <= EMAIL_MAX && !EMAIL.matcher(clean).matches()) {
            add(field, "email", label + " does not look like an email address: it needs a name, an @ and a domain, such as name@example.org.");
        }
        return clean;
    }

    /** True while no problem has been noted. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws the problems found, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }
}
