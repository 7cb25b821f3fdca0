package org.vertebra.form;

import java.util.List;
import java.util.StringJoiner;

/**
 * What a form page says about the last thing done: the problems of a refused change (each shown
 * beside its field and listed at the top; a problem with no field is about the whole form), or a
 * notice that a change was made. Every form, public or admin, reports with this one type.
 */
public record FormMessages(List<FieldProblem> problems, String notice) {

    public static final FormMessages NONE = new FormMessages(List.of(), null);

    /** The id of the list of problems at the top of a form's page. */
    public static final String PROBLEMS_ID = "form-problems";

    public FormMessages {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static FormMessages of(Invalid invalid) {
        return new FormMessages(invalid.problems(), null);
    }

    /** One problem about one field ({@code field} null for the whole form). */
    public static FormMessages problem(String field, String message) {
        return new FormMessages(List.of(new FieldProblem(field, message)), null);
    }

    /** A refusal of the whole form that no field can fix, such as too many attempts. */
    public static FormMessages error(String message) {
        return problem(null, message);
    }

    public static FormMessages notice(String notice) {
        return notice == null ? NONE : new FormMessages(List.of(), notice);
    }

    /** The id of the element that holds the message about a field, for the field's aria-describedby. */
    public static String messageId(String field) {
        return field + "-error";
    }

    /**
     * A field's aria-describedby: the id of its message while it has a problem, then the ids of
     * what else describes it (its hint), those that are null left out; null when nothing does, so
     * that the attribute is not written at all.
     *
     * @param id      the field's id, which its message's id is made from
     * @param invalid whether a problem concerns the field
     * @param others  the ids of the field's other descriptions, or null
     */
    public static String describedBy(String id, boolean invalid, String... others) {
        StringJoiner ids = new StringJoiner(" ");
        if (invalid) {
            ids.add(messageId(id));
        }
        for (String other : others) {
            if (other != null) {
                ids.add(other);
            }
        }
        return ids.length() == 0 ? null : ids.toString();
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

    /** True when a problem concerns this field, for its aria-invalid. */
    public boolean invalid(String field) {
        return on(field) != null;
    }

    /** The message about the whole form rather than one field, or null. */
    public String formError() {
        return problems.stream().filter(p -> p.field() == null).map(FieldProblem::message).findFirst().orElse(null);
    }

    /**
     * The id of the list of problems when one of them is about the whole form, for the form's
     * aria-describedby; null otherwise.
     */
    public String formErrorId() {
        return formError() == null ? null : PROBLEMS_ID;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
