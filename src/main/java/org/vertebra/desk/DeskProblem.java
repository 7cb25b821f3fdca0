package org.vertebra.desk;

import java.util.List;
import org.vertebra.form.FieldProblem;

/**
 * Why the desk refused a change, in words for the writer: one message per field (or for the whole
 * form), and the HTTP status that fits (422 bad input, 403 not allowed, 409 someone else saved).
 * Nothing was changed when it is thrown.
 */
final class DeskProblem extends RuntimeException {

    private final int status;
    private final List<FieldProblem> errors;

    DeskProblem(int status, List<FieldProblem> errors) {
        super(errors.isEmpty() ? "refused" : errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static DeskProblem invalid(List<FieldProblem> errors) {
        return new DeskProblem(422, errors);
    }

    static DeskProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    static DeskProblem notAllowed(String message) {
        return new DeskProblem(403, List.of(new FieldProblem(null, message)));
    }

    static DeskProblem conflict(String message) {
        return new DeskProblem(409, List.of(new FieldProblem(null, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
