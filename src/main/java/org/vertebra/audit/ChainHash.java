package org.vertebra.audit;

import java.util.HexFormat;
import org.vertebra.secret.SecretTokens;

/**
 * The chain's hash of a row: SHA-256 over the previous row's hash and the row's canonical content.
 * Each field is written as its length, a colon and its characters (a dash for null), so no two
 * different rows read the same however their fields are cut.
 */
final class ChainHash {

    /** The previous hash of the first row ever written. */
    static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    static String of(String prevHash, AuditEntry e) {
        StringBuilder content = new StringBuilder(prevHash).append('\n');
        field(content, Long.toString(e.seq()));
        field(content, Long.toString(e.occurredAt().toEpochMilli()));
        field(content, e.actorId() == null ? null : e.actorId().toString());
        field(content, e.actorName());
        field(content, e.addressHash());
        field(content, e.action());
        field(content, e.objectType());
        field(content, e.objectId());
        field(content, e.detail());
        field(content, e.outcome());
        field(content, e.requestId());
        return HexFormat.of().formatHex(SecretTokens.sha256(content.toString()));
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-|");
        } else {
            content.append(value.length()).append(':').append(value).append('|');
        }
    }
}
