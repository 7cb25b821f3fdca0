package org.vertebra.reading;

import java.time.Instant;

/**
 * A reading list as stored: the patient's address and the note still sealed.
 *
 * @param sentBy        the account that sent it; null once that account was removed
 * @param consultationId the consultation it was sent from, or null
 * @param firstOpenedAt when the patient first opened it, or null
 */
record StoredList(long id, String tokenHash, String emailSealed, String noteSealed, Long sentBy, String sentByName,
                  Long consultationId, Instant sentAt, Instant expiresAt, Instant firstOpenedAt, int articleCount) {

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
