package org.vertebra.form;

/** What is wrong with one field of a form, in words for the person who filled it in. */
public record FieldProblem(String field, String message) {
}
