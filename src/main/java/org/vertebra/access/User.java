package org.vertebra.access;

import java.time.Instant;

/** An account on the editorial desk, without its password hash (which never leaves the repository). */
public record User(long id, String email, String name, AccountRole role, boolean disabled, Instant createdAt) {

    public boolean may(Action action) {
        return Permission.may(this, action);
    }
}
