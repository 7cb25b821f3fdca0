package org.vertebra.account;

/** Input the account service refuses, with the form field it concerns (null for the form as a whole). */
public final class AccountProblem extends RuntimeException {

    private final String field;

    public AccountProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
