package org.vertebra.layout;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value every page of a kind shows alike (the policy page's address, the trust policy, the days
 * comments stay open), read once per content generation ({@link FrameService#contentGeneration})
 * instead of on every render: settings and pages change only through a content change, which
 * starts a new generation.
 */
public final class PerContentGeneration<T> {

    private final LongSupplier generation;
    private final Supplier<T> read;
    private volatile Kept<T> kept;

    private record Kept<T>(long generation, T value) {
    }

    public PerContentGeneration(LongSupplier generation, Supplier<T> read) {
        this.generation = generation;
        this.read = read;
    }

    public T get() {
        long now = generation.getAsLong();
        Kept<T> current = kept;
        if (current != null && current.generation() == now) {
            return current.value();
        }
        // Taken before reading: a value read across a change carries the older generation and is read again.
        T value = read.get();
        kept = new Kept<>(now, value);
        return value;
    }
}
