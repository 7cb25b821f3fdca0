package org.vertebra.privacy;

import java.time.Instant;

/** A person's request for their data; {@code email} is null once the data was erased. */
record PrivacyRequest(long id, String email, String emailHash, Instant createdAt, Instant exportedAt, Instant erasedAt,
                             Integer erasedRows) {
}
