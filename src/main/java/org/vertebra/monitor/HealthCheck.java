package org.vertebra.monitor;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this node can serve, as a load balancer asks at {@code /healthz}: the database answers,
 * it is migrated to this build's version (a node of an older build after an upgrade elsewhere is
 * taken out), the search index is ready, and the start's other background work is done.
 */
public final class HealthCheck {

    private final BooleanSupplier databaseReachable;
    private final Supplier<String> appliedMigration;
    private final String expectedMigration;
    private final BooleanSupplier indexReady;
    private final BooleanSupplier startWorkDone;

    /**
     * @param startWorkDone whether the work a start does in the background besides the index (the first
     *                      housekeeping) is done: pages answer meanwhile, and the node says "starting"
     */
    public HealthCheck(BooleanSupplier databaseReachable, Supplier<String> appliedMigration, String expectedMigration,
                       BooleanSupplier indexReady, BooleanSupplier startWorkDone) {
        this.databaseReachable = databaseReachable;
        this.appliedMigration = appliedMigration;
        this.expectedMigration = expectedMigration;
        this.indexReady = indexReady;
        this.startWorkDone = startWorkDone;
    }

    /** @param migration the database's migration, or null when it could not be read */
    public record Health(boolean database, String migration, String expectedMigration, boolean index, boolean started) {

        public boolean canServe() {
            return database && expectedMigration.equals(migration) && index && started;
        }

        /** Up and migrated, with only the search index or other start-up work still being done in the background. */
        public boolean isStarting() {
            return database && expectedMigration.equals(migration) && !(index && started);
        }
    }

    public Health check() {
        boolean database = databaseReachable.getAsBoolean();
        String migration = null;
        if (database) {
            try {
                migration = appliedMigration.get();
            } catch (RuntimeException e) {
                database = false;
            }
        }
        return new Health(database, migration, expectedMigration, indexReady.getAsBoolean(), startWorkDone.getAsBoolean());
    }
}
