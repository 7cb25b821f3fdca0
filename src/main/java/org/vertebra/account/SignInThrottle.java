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

    private final SignInFailureRepository failures;
    private final Clock clock;

    SignInThrottle(Jdbi jdbi, Clock clock) {
        this.failures = new SignInFailureRepository(jdbi);
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
        return failures.latestLock(keys).filter(until -> until != null && until > now).map(Instant::ofEpochMilli);
    }

    /** Counts a failure against each key, locking those past their free failures. */
    void recordFailure(List<String> keys) {
        Instant now = clock.instant();
        failures.countFailure(keys, now, now.minus(FORGET_AFTER),
                count -> count >= FREE_FAILURES ? now.plus(lockFor(count)) : null);
    }

    /** Drops counts that are forgotten anyway, so guesses at made-up emails do not pile up rows. */
    int forgetOld() {
        Instant now = clock.instant();
        return failures.deleteForgotten(now.minus(FORGET_AFTER), now);
    }

    void clear(String key) {
        failures.delete(key);
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
