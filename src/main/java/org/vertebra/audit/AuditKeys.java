package org.vertebra.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vertebra.secret.HmacSigner;

/**
 * The audit log's secrets. The salt of address hashes is a site secret kept in the database. The
 * key that signs pruning checkpoints is made from the site's health data key, which lives outside
 * the database (DATA/consult.key or VERTEBRA_CONSULT_KEY), so that someone who can only write to
 * the database cannot sign a checkpoint of their own; after a key change, checkpoints signed under
 * a retired key still configured keep verifying.
 */
public final class AuditKeys {

    private static final String PURPOSE = "vertebra audit checkpoint v1";

    private final HmacSigner addressSalt;
    private final HmacSigner signer;
    private final List<HmacSigner> verifiers;

    /**
     * @param addressSalt a random site secret for hashing addresses
     * @param currentKey  the health data key new checkpoints are signed under
     * @param oldKeys     retired health data keys whose checkpoints still verify
     */
    public AuditKeys(byte[] addressSalt, byte[] currentKey, List<byte[]> oldKeys) {
        this.addressSalt = new HmacSigner(addressSalt);
        this.signer = derived(currentKey);
        this.verifiers = java.util.stream.Stream.concat(java.util.stream.Stream.of(currentKey), oldKeys.stream())
                .map(AuditKeys::derived).toList();
    }

    private static HmacSigner derived(byte[] key) {
        return new HmacSigner(new HmacSigner(key).sign(PURPOSE).getBytes(StandardCharsets.US_ASCII));
    }

    String hashAddress(String address) {
        return address == null ? null : addressSalt.sign("address:" + address);
    }

    String signCheckpoint(long seq, String hash) {
        return signer.sign(checkpointText(seq, hash));
    }

    boolean checkpointSigned(long seq, String hash, String signature) {
        return verifiers.stream().anyMatch(v -> v.verifies(checkpointText(seq, hash), signature));
    }

    private static String checkpointText(long seq, String hash) {
        return "checkpoint:" + seq + ":" + hash;
    }
}
