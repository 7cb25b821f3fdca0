package org.vertebra.redirect;

import java.time.Instant;

/**
 * One redirect as stored.
 *
 * @param target   where a 301 leads (a path here or an https address); null for a 410
 * @param lastHit  when it last answered; null when never
 */
public record Redirect(long id, String source, String target, RedirectKind kind, String note, String createdBy,
                       Instant createdAt, String updatedBy, Instant updatedAt, long hits, Instant lastHit) {
}
