package org.vertebra.spam;

/**
 * What the guard makes of a public form: accept it, refuse it with a message the person can act
 * on (kept beside the form with what they typed), or take it as spam (the caller files it away
 * unseen, or refuses it, as suits the form).
 *
 * @param code      a refusal's kind ("guard.quick", ...), by which a form says it in its page's language; null otherwise
 * @param arguments what the refusal's words are made of, such as the forms allowed an hour
 */
public record Verdict(Kind kind, String message, String code, java.util.List<Object> arguments) {

    public enum Kind { ACCEPTED, REFUSED, SPAM }

    static final Verdict ACCEPTED = new Verdict(Kind.ACCEPTED, null);

    public Verdict(Kind kind, String message) {
        this(kind, message, null, java.util.List.of());
    }

    /**
     * A refusal of a known kind ({@code code}), which a public form may say in its page's language
     * as {@code PREFIX.problem.guard.CODE} ({@link org.vertebra.form.FormMessages#in}).
     */
    static Verdict refused(String code, String message, Object... arguments) {
        return new Verdict(Kind.REFUSED, message, "guard." + code, java.util.List.of(arguments));
    }

    static Verdict spam(String why) {
        return new Verdict(Kind.SPAM, why);
    }

    /** The refusal as a problem of the whole form. */
    public org.vertebra.form.FieldProblem problem() {
        return new org.vertebra.form.FieldProblem(null, message, code, arguments);
    }

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }
}
