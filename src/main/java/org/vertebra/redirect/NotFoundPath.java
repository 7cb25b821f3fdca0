package org.vertebra.redirect;

import java.time.Instant;

/** One address that answered 404, aggregated: how often, when first and last, and the host of the last referrer. */
public record NotFoundPath(String path, long hits, Instant firstSeen, Instant lastSeen, String referrerHost) {
}
