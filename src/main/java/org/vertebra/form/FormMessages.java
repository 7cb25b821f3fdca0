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

    /**
     * The same messages in the words of a public form's page: each problem of a known kind is looked
     * up as {@code PREFIX.problem.FIELD.CODE} (or {@code PREFIX.problem.CODE} for the whole form),
     * with its arguments; a problem the bundle has no words for keeps its English message.
     *
     * @param text   the interface text of the page's language
     * @param prefix the form's area in the bundles: "comment", "contact", "newsletter"
     */
    public FormMessages in(org.vertebra.language.Messages text, String prefix) {
        List<FieldProblem> said = problems.stream().map(p -> {
            if (p.code() == null) {
                return p;
            }
            String key = prefix + ".problem." + (p.field() == null ? "" : p.field() + ".") + p.code();
            return text.has(key) ? new FieldProblem(p.field(), text.format(key, p.arguments().toArray()), p.code(),
                    p.arguments()) : p;
        }).toList();
        return new FormMessages(said, notice);
    }

    /** The message about this field, or null. */
    public String on(String field) {
        return problems.stream().filter(p -> field.equals(p.field())).map(FieldProblem::message).findFirst().orElse(null);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
