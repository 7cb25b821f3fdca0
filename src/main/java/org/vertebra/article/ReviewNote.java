package org.vertebra.article;

import java.time.Instant;

/** A note on an article's draft from its reviewer or writers; a sign-off is a note too. */
public record ReviewNote(long id, Long userId, String userName, String body, boolean signOff, Instant createdAt) {
}
