package org.vertebra.form;

import java.util.List;

/**
 * A change that cannot be made as given, with a message for each field that is wrong. Commands
 * throw it when they are parsed, services when the database disagrees (an address already taken);
 * routes answer it with 422 and the form again, the messages beside the fields.
 */
public final class Invalid extends RuntimeException {

    private final List<FieldProblem> problems;

    public Invalid(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** One problem about one field ({@code field} null for the whole form). */
    public static Invalid of(String field, String message) {
        return new Invalid(List.of(new FieldProblem(field, message)));
    }

    /** As {@link #of(String, String)}, of a known kind that a public form may say in its page's language. */
    public static Invalid of(String field, String code, String message) {
        return new Invalid(List.of(new FieldProblem(field, message, code, List.of())));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
