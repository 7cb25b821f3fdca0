package org.vertebra.module;

/**
 * Background work a feature runs while the server does (a queue's sender, a timer). The server
 * starts its features' jobs in the list's order and stops them in the same order.
 */
public interface Job extends AutoCloseable {

    void start();

    /** Stops the work; what it still holds is written or dropped as the job says. */
    @Override
    void close();

    /** A job from a pair of calls, for the workers that predate this interface. */
    static Job of(Runnable start, Runnable close) {
        return new Job() {
            @Override
            public void start() {
                start.run();
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
