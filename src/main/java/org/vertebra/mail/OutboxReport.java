package org.vertebra.mail;

import java.time.Instant;
import java.util.List;

/** What the admin shows of the outbox: counts, and the most recent mails with recipients masked. */
public record OutboxReport(Counts counts, List<Row> recent) {

    /**
     * @param waiting     not sent yet and not refused for good (failing ones included)
     * @param failing     not sent yet after at least one failed attempt, refused ones excluded
     * @param refused     refused for good by the server; kept, tried again only on "send now"
     * @param sentLastDay delivered in the last 24 hours
     * @param stale       not sent yet and not refused, written to the outbox over {@link OutboxRepository#STALE} ago
     */
    public record Counts(int waiting, int failing, int refused, int sentLastDay, int stale) {
    }

    /** One mail; {@code recipient} masked as {@code a***@example.org}. */
    public record Row(long id, String kind, String recipient, String subject, Instant createdAt, int attempts,
                      String lastError, MailState state) {

        private static final java.time.format.DateTimeFormatter SHOWN =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

        /** When it was written to the outbox, for the admin's table. */
        public String created() {
            return SHOWN.format(createdAt);
        }
    }
}
