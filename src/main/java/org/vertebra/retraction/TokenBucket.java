package org.vertebra.retraction;

import java.util.function.LongSupplier;

/**
 * A polite rate limit for the bibliographic services: at most {@code perSecond} requests a second
 * on average, with bursts of up to {@code perSecond}. {@link #acquire()} waits for a token; it is
 * only called from background threads, never while a person waits.
 */
final class TokenBucket {

    /** Waits, so tests can count waits instead of sleeping. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = perSecond;
        this.last = nanoTime.getAsLong();
    }

    static TokenBucket perSecond(double perSecond) {
        return new TokenBucket(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Takes a token, waiting for one when none is left. */
    synchronized void acquire() throws InterruptedException {
        refill();
        while (tokens < 1) {
            long wait = (long) Math.ceil((1 - tokens) / perSecond * 1_000_000_000L);
            sleeper.sleep(wait);
            refill();
        }
        tokens -= 1;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(perSecond, tokens + (now - last) / 1_000_000_000.0 * perSecond);
        last = now;
    }
}
