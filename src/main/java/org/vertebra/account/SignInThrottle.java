package org.vertebra.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per account and per client address, in the database so that every
 * server sees the same counts. The first {@value #FREE_FAILURES} failures cost nothing; after that
 * each failure locks its keys for 2^(n-5) seconds, up to {@link #MAX_LOCK}. A successful sign-in
 * clears the account's count (its password has been proven); an address's count is forgotten a
 * day after its last failure, so that signing in to one's own account cannot buy an attacker
 * more guesses at others.
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final Clock clock;

    SignInThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    static String accountKey(String email) {
        return "account:" + email;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** The latest time any of these keys is locked until, when that is still ahead. */
    Optional<Instant> lockedUntil(List<String> keys) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT MAX(locked_until) FROM sign_in_failures WHERE throttle_key IN (<keys>)")
                .bindList("keys", keys).mapTo(Long.class).findOne())
                .filter(until -> until != null && until > now).map(Instant::ofEpochMilli);
    }

    /** Counts a failure against each key, locking those past their free failures. */
    void recordFailure(List<String> keys) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            for (String key : keys) {
                int failures = h.createQuery("""
                                INSERT INTO sign_in_failures (throttle_key, failures, last_failure_at, locked_until)
                                VALUES (:key, 1, :now, 0)
                                ON CONFLICT (throttle_key) DO UPDATE SET
                                    failures = CASE WHEN sign_in_failures.last_failure_at < :forget THEN 1
                                                    ELSE sign_in_failures.failures + 1 END,
                                    last_failure_at = :now
                                RETURNING failures""")
                        .bind("key", key).bind("now", now).bind("forget", now.minus(FORGET_AFTER))
                        .mapTo(Integer.class).one();
                if (failures >= FREE_FAILURES) {
                    h.createUpdate("UPDATE sign_in_failures SET locked_until = :until WHERE throttle_key = :key")
                            .bind("key", key).bind("until", now.plus(lockFor(failures))).execute();
                }
            }
        });
    }

    /** Drops counts that are forgotten anyway, so guesses at made-up emails do not pile up rows. */
    int forgetOld() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM sign_in_failures WHERE last_failure_at < :forget AND locked_until < :now")
                .bind("forget", now.minus(FORGET_AFTER)).bind("now", now).execute());
    }

    void clear(String key) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sign_in_failures WHERE throttle_key = :key").bind("key", key).execute());
    }

    /** 1 s after the 5th failure, 2 s after the 6th, doubling to at most {@link #MAX_LOCK}. */
    static Duration lockFor(int failures) {
        int exponent = failures - FREE_FAILURES;
        if (exponent >= 20) {
            return MAX_LOCK;
        }
        Duration lock = Duration.ofSeconds(1L << exponent);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }
}
