package org.vertebra.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.vertebra.app.Database;
import org.vertebra.app.Settings;

/**
 * Writes one file holding a running site: a consistent snapshot of its database, then its media
 * and settings files. The database goes first: media files are only ever added, so every file the
 * snapshot refers to is already on disk when the media are copied.
 */
public final class SiteBackup {

    private final Settings settings;
    private final Database database;
    private final Clock clock;

    public SiteBackup(Settings settings, Database database, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.clock = clock;
    }

    public BackupSummary write(Path file) throws IOException, SQLException {
        Path databaseFile = settings.isPostgres() ? null : SqliteDump.fileOf(settings.dbUrl());
        SiteFiles files = new SiteFiles(settings.dataDir(), settings.mediaDir(), databaseFile);
        String schema = database.appliedMigration().getVersion();
        try (ArchiveWriter archive = new ArchiveWriter(file)) {
            List<BackupManifest.Table> tables;
            if (settings.isPostgres()) {
                tables = PostgresDump.save(database.jdbi(), archive);
            } else {
                SqliteDump.save(database.jdbi(), archive);
                tables = List.of();
            }
            int media = files.saveMedia(archive);
            int dataFiles = files.saveDataFiles(archive);
            String kind = settings.isPostgres() ? "postgresql" : "sqlite";
            archive.finish(new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION, clock.instant().toString(),
                    kind, schema, tables, List.of()));
            long rows = settings.isPostgres() ? tables.stream().mapToLong(BackupManifest.Table::rows).sum() : -1;
            return new BackupSummary(file, kind, schema, rows, media, dataFiles, Files.size(file));
        }
    }
}
