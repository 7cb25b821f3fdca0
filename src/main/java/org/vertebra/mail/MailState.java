package org.vertebra.mail;

/** Where a mail in the outbox stands, as the admin shows it. */
public enum MailState {
    WAITING("Waiting"),
    SENDING("Sending"),
    RETRYING("Retrying"),
    REFUSED("Refused by the server"),
    SENT("Sent");

    private final String label;

    MailState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
