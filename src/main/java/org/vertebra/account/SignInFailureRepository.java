package org.vertebra.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The sign_in_failures table: failed sign-ins counted per account and per client address. */
final class SignInFailureRepository {

    private final Jdbi jdbi;

    SignInFailureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest time any of these keys is locked until (epoch milliseconds), if any is recorded. */
    Optional<Long> latestLock(List<String> keys) {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(locked_until) FROM sign_in_failures WHERE throttle_key IN (<keys>)")
                .bindList("keys", keys).mapTo(Long.class).findOne());
    }

    /**
     * Counts a failure against each key, starting again from one when its last failure is older than
     * {@code forgetBefore}, and locks the key until the moment {@code lockFor} gives for the new count
     * (null: not locked); one transaction.
     */
    void countFailure(List<String> keys, Instant now, Instant forgetBefore, java.util.function.IntFunction<Instant> lockFor) {
        jdbi.useTransaction(h -> keys.forEach(key -> {
            int failures = h.createQuery("""
                            INSERT INTO sign_in_failures (throttle_key, failures, last_failure_at, locked_until)
                            VALUES (:key, 1, :now, 0)
                            ON CONFLICT (throttle_key) DO UPDATE SET
                                failures = CASE WHEN sign_in_failures.last_failure_at < :forget THEN 1
                                                ELSE sign_in_failures.failures + 1 END,
                                last_failure_at = :now
                            RETURNING failures""")
                    .bind("key", key).bind("now", now).bind("forget", forgetBefore)
                    .mapTo(Integer.class).one();
            Instant until = lockFor.apply(failures);
            if (until != null) {
                h.createUpdate("UPDATE sign_in_failures SET locked_until = :until WHERE throttle_key = :key")
                        .bind("key", key).bind("until", until).execute();
            }
        }));
    }

    /** Deletes counts last failed before {@code forgetBefore} and no longer locked at {@code now}. */
    int deleteForgotten(Instant forgetBefore, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE last_failure_at < :forget AND locked_until < :now")
                .bind("forget", forgetBefore).bind("now", now).execute());
    }

    void delete(String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE throttle_key = :key").bind("key", key).execute());
    }
}
