package org.vertebra.reference;

/**
 * A look-up that could not say whether the publication exists: the service is off, did not
 * answer, answered an error, or answered something we cannot read. "Not found" is no failure: the
 * look-up then returns an empty Optional. The message is written for the person at the editor.
 */
public final class LookupFailure extends RuntimeException {

    public enum Reason {
        /** No address is configured for the service that knows this kind of identifier. */
        NOT_CONFIGURED,
        /** No connection: the address is wrong, or the service or the network is down. */
        UNREACHABLE,
        /** Connected, but no answer within the time allowed. */
        TIMED_OUT,
        /** The service answered with an error status (5xx, 429, ...). */
        SERVICE_ERROR,
        /** The answer was not the JSON the service documents. */
        MALFORMED_ANSWER
    }

    private final Reason reason;

    public LookupFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LookupFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
