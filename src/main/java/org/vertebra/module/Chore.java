package org.vertebra.module;

import java.util.function.IntSupplier;

/**
 * One piece of a feature's hourly housekeeping: emptying a trash, forgetting what is past its
 * time, sending what is due. A chore that fails is logged and tried again at the next hour; the
 * others still run.
 *
 * @param name what the chore does, for the log ("articles deleted from the trash")
 * @param work does it and says how many things it did (0 when there was nothing to do); the log counts them
 */
public record Chore(String name, IntSupplier work) {

    /** A chore whose count is not worth a line in the log (it logs what it did itself, or works in the background). */
    public static Chore quiet(String name, Runnable work) {
        return new Chore(name, () -> {
            work.run();
            return 0;
        });
    }
}
