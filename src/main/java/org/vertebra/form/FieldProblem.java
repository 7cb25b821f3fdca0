package org.vertebra.form;

import java.util.List;

/**
 * What is wrong with one field of a form, in words for the person who filled it in.
 *
 * @param message   the English words, as every form shows them unless it asks for another language
 * @param code      what kind of problem it is ("required", "too-long", ...), so that a public form can
 *                  say it in the page's language ({@link FormMessages#in}); null for a problem only
 *                  ever said in English
 * @param arguments what the words are made of besides the field, such as the longest length allowed
 */
public record FieldProblem(String field, String message, String code, List<Object> arguments) {

    public FieldProblem {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public FieldProblem(String field, String message) {
        this(field, message, null, List.of());
    }
}
