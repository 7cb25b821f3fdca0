package org.vertebra.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.vertebra.data.Database;

/**
 * Loads a backup file into an empty data folder or database. Everything that can refuse does so
 * before anything is written: the file is read whole and checked, then the target is checked
 * for emptiness. The database is loaded at the migration it was taken at, then migrated to this
 * build's, so a backup from an older Vertebra restores into a newer one.
 */
public final class SiteRestore {

    private final SiteLocation site;

    public SiteRestore(SiteLocation site) {
        this.site = site;
    }

    public BackupSummary restore(Path file) throws DamagedBackup, RestoreRefused, IOException, SQLException {
        try (VerifiedBackup backup = VerifiedBackup.open(file)) {
            BackupManifest manifest = backup.manifest();
            checkKindAndVersion(manifest);
            Path databaseFile = site.isPostgres() ? null : SqliteDump.fileOf(site.dbUrl());
            SiteFiles files = new SiteFiles(site, databaseFile);
            checkEmpty(backup, files, databaseFile);
            loadDatabase(backup, databaseFile);
            int media = files.restoreMedia(backup);
            int dataFiles = files.restoreDataFiles(backup);
            Database.open(site.dbUrl(), site.dbUser(), site.dbPassword()).close(); // up to this build's migration
            long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
            return new BackupSummary(file, manifest.database(), manifest.schemaVersion(),
                    site.isPostgres() ? rows : -1, media, dataFiles, Files.size(file));
        }
    }

    private void checkKindAndVersion(BackupManifest manifest) throws RestoreRefused {
        String target = site.isPostgres() ? "postgresql" : "sqlite";
        if (!target.equals(manifest.database())) {
            throw new RestoreRefused("the backup holds a " + manifest.database() + " database and cannot be restored into "
                    + target + "; restore it with --db for a " + manifest.database() + " database");
        }
        MigrationVersion latest = Database.latestMigration();
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).isNewerThan(latest.getVersion())) {
            throw new RestoreRefused("the backup was taken from a newer Vertebra (database migration "
                    + manifest.schemaVersion() + ", this one knows up to " + latest.getVersion() + "); upgrade first");
        }
    }

    private void checkEmpty(VerifiedBackup backup, SiteFiles files, Path databaseFile)
            throws RestoreRefused, IOException, SQLException {
        List<String> conflicts = new ArrayList<>();
        if (databaseFile != null && Files.exists(databaseFile) && Files.size(databaseFile) > 0) {
            conflicts.add("the database " + databaseFile + " exists");
        }
        if (databaseFile == null) {
            try (Connection connection = connect()) {
                if (!PostgresDump.isEmpty(connection)) {
                    conflicts.add("the database " + site.dbUrl() + " already has tables (restore into a new, "
                            + "empty database, made with createdb)");
                }
            }
        }
        conflicts.addAll(files.conflicts(backup));
        if (!conflicts.isEmpty()) {
            throw new RestoreRefused("restore only writes into an empty site, and " + String.join("; ", conflicts)
                    + ". Nothing was changed.");
        }
    }

    private void loadDatabase(VerifiedBackup backup, Path databaseFile) throws IOException, SQLException, DamagedBackup {
        if (databaseFile != null) {
            SqliteDump.load(backup, databaseFile);
            return;
        }
        // The database was checked to have no table at all, so on failure it is cleaned back to that.
        Flyway flyway = Database.migrations(true).dataSource(site.dbUrl(), site.dbUser(), site.dbPassword())
                .target(backup.manifest().schemaVersion()).cleanDisabled(false).load();
        try {
            flyway.migrate();
            try (Connection connection = connect()) {
                PostgresDump.load(backup, connection);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            flyway.clean();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        return Database.connect(site.dbUrl(), site.dbUser(), site.dbPassword());
    }
}
