package org.vertebra.mail;

import java.time.Instant;
import java.util.Map;

/** A row of the outbox as the sender reads it: the mail, and what the outbox knows about its delivery. */
record QueuedMail(long id, Instant createdAt, int attempts, OutgoingMail mail) {

    Map<String, String> headers() {
        return mail.headers();
    }
}
