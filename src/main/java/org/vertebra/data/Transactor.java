package org.vertebra.data;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs a unit of work in one database transaction. Repositories open their handles with
 * {@code jdbi.withHandle}, which on the same thread joins the transaction opened here, so a
 * service can span several features' repositories without passing handles around.
 */
public final class Transactor {

    private final Jdbi jdbi;

    public Transactor(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }

    public void run(Runnable work) {
        jdbi.useTransaction(handle -> work.run());
    }

    /**
     * Runs a unit of work in one transaction and rolls it back, for a dry run: the work sees its
     * own writes (a later row finds an earlier one), and nothing stays.
     */
    public <T> T rolledBack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            jdbi.useTransaction(handle -> {
                result.set(work.get());
                throw new RollBack();
            });
        } catch (RollBack expected) {
            // rolled back, as a dry run should be
        }
        return result.get();
    }

    /** Thrown at the end of a dry run, to roll back everything it did. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }

    /** Thrown when the transaction itself was lost (SQLite rolls it all back on some errors), not just the savepoint's work. */
    public static final class TransactionLost extends RuntimeException {
        TransactionLost(RuntimeException cause) {
            super("the transaction was lost: " + cause.getMessage(), cause);
        }
    }

    /**
     * Runs a unit of work inside the transaction already open on this thread, under a savepoint:
     * when the work throws, what it did is undone, the rest of the transaction stands, and the
     * exception goes on. Lets a bulk import commit many items at once, each all or nothing.
     */
    public void savepoint(Runnable work) {
        jdbi.useHandle(handle -> {
            if (!handle.isInTransaction()) {
                throw new IllegalStateException("a savepoint needs an open transaction");
            }
            String name = "unit";
            handle.savepoint(name);
            try {
                work.run();
            } catch (RuntimeException e) {
                try {
                    // Jdbi forgets the savepoint here; the database keeps it (harmless) until the commit.
                    handle.rollbackToSavepoint(name);
                } catch (RuntimeException lost) {
                    lost.addSuppressed(e);
                    throw new TransactionLost(lost);
                }
                throw e;
            }
            handle.releaseSavepoint(name);
        });
    }
}
