package org.vertebra.audit;

import java.time.Instant;

/** One stored row of the audit log, as the chain hashes it and the admin page and CSV show it. */
public record AuditEntry(long seq, Instant occurredAt, Long actorId, String actorName, String addressHash, String action,
                         String objectType, String objectId, String detail, String outcome, String requestId,
                         String prevHash, String hash) {

    /** This row's hash as it should be: SHA-256 of the previous row's hash and this row's content. */
    public String expectedHash() {
        return ChainHash.of(prevHash, this);
    }

    /** This row with its hash filled in, as it is appended. */
    AuditEntry hashed() {
        return new AuditEntry(seq, occurredAt, actorId, actorName, addressHash, action, objectType, objectId, detail, outcome,
                requestId, prevHash, expectedHash());
    }
}
