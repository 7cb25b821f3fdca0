package org.vertebra.data;

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
}
