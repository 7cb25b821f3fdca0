package org.vertebra.account;

import org.vertebra.form.FormMessages;

/** Input the account service refuses, with the form field it concerns (null for the form as a whole). */
public final class AccountProblem extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public AccountProblem(String field, String message) {
        this(field, message, false);
    }

    private AccountProblem(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    /** The input is well formed but clashes with what exists, such as an email already in use. */
    static AccountProblem conflict(String field, String message) {
        return new AccountProblem(field, message, true);
    }

    public boolean isConflict() {
        return conflict;
    }

    public String field() {
        return field;
    }

    /** The refusal as its form shows it, beside the field it concerns. */
    public FormMessages messages() {
        return FormMessages.problem(field, getMessage());
    }
}
