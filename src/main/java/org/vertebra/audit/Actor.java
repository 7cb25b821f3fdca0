package org.vertebra.audit;

/**
 * Who did it and through which request: a signed-in account (id and name), an anonymous visitor
 * (only the network address, which the log keeps as a salted hash), or an operator at the command
 * line. Routes make one with {@link RequestActor#of}.
 *
 * @param accountId the account, or null when nobody is signed in
 * @param name      the account's name, {@value #ANONYMOUS}, or the command that ran
 * @param address   the network address, hashed before it is stored; null at the command line
 * @param requestId the request's id (X-Request-Id), or null outside a request
 */
public record Actor(Long accountId, String name, String address, String requestId) {

    public static final String ANONYMOUS = "anonymous";

    public static Actor account(long id, String name, String address, String requestId) {
        return new Actor(id, name, address, requestId);
    }

    public static Actor anonymous(String address, String requestId) {
        return new Actor(null, ANONYMOUS, address, requestId);
    }

    /** An operator running {@code vertebra COMMAND} on the server. */
    public static Actor commandLine(String command) {
        return new Actor(null, "command line: vertebra " + command, null, null);
    }
}
