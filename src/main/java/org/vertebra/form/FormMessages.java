package org.vertebra.form;

import java.util.List;

/**
 * What a form page says about the last thing done: the problems of a refused change (each shown
 * beside its field and listed at the top), or a notice that a change was made.
 */
public record FormMessages(List<FieldProblem> problems, String notice) {

    public static final FormMessages NONE = new FormMessages(List.of(), null);

    public static FormMessages of(Invalid invalid) {
        return new FormMessages(invalid.problems(), null);
    }

    public static FormMessages notice(String notice) {
        return notice == null ? NONE : new FormMessages(List.of(), notice);
    }

    /** The message about this field, or null. */
    public String on(String field) {
        return problems.stream().filter(p -> field.equals(p.field())).map(FieldProblem::message).findFirst().orElse(null);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
