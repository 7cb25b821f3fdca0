package org.vertebra.monitor;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this node can serve, as a load balancer asks at {@code /healthz}: the database answers,
 * it is migrated to this build's version (a node of an older build after an upgrade elsewhere is
 * taken out), and the search index is ready.
 */
public final class HealthCheck {

    private final BooleanSupplier databaseReachable;
    private final Supplier<String> appliedMigration;
    private final String expectedMigration;
    private final BooleanSupplier indexReady;

    public HealthCheck(BooleanSupplier databaseReachable, Supplier<String> appliedMigration, String expectedMigration,
                       BooleanSupplier indexReady) {
        this.databaseReachable = databaseReachable;
        this.appliedMigration = appliedMigration;
        this.expectedMigration = expectedMigration;
        this.indexReady = indexReady;
    }

    /** @param migration the database's migration, or null when it could not be read */
    public record Health(boolean database, String migration, String expectedMigration, boolean index) {

        public boolean canServe() {
            return database && expectedMigration.equals(migration) && index;
        }

        /** Up and migrated, with only the search index still being brought up to date. */
        public boolean isStarting() {
            return database && expectedMigration.equals(migration) && !index;
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
        return new Health(database, migration, expectedMigration, indexReady.getAsBoolean());
    }
}
