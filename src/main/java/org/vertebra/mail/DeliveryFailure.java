package org.vertebra.mail;

/**
 * Why a mail was not delivered this time. {@code permanent} when trying again cannot help (the
 * server refused the recipient with a 5xx reply, or the address is malformed); anything else
 * (server down, a timeout, a 4xx reply, wrong credentials) is worth another try later.
 */
final class DeliveryFailure extends Exception {

    private final boolean permanent;

    DeliveryFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
