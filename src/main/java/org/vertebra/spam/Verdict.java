package org.vertebra.spam;

/**
 * What the guard makes of a public form: accept it, refuse it with a message the person can act
 * on (kept beside the form with what they typed), or take it as spam (the caller files it away
 * unseen, or refuses it, as suits the form).
 */
public record Verdict(Kind kind, String message) {

    public enum Kind { ACCEPTED, REFUSED, SPAM }

    static final Verdict ACCEPTED = new Verdict(Kind.ACCEPTED, null);

    static Verdict refused(String message) {
        return new Verdict(Kind.REFUSED, message);
    }

    static Verdict spam(String why) {
        return new Verdict(Kind.SPAM, why);
    }

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }
}
