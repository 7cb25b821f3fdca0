package org.vertebra.consent;

import java.time.Instant;

/**
 * One entry of the consent log: when, under which policy version, what was accepted, whether the
 * browser sent a privacy signal, and a salted hash of the network address (never the address).
 */
public record ConsentRecord(long id, String consentId, Instant createdAt, int policyVersion, String categories,
                            boolean privacySignal, String addressHash) {
}
