package org.vertebra.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.vertebra.data.Database;

/**
 * Writes one file holding a running site: a consistent snapshot of its database, then its media
 * and settings files. The database goes first: media files are only ever added, so every file the
 * snapshot refers to is already on disk when the media are copied.
 */
public final class SiteBackup {

    private final SiteLocation site;
    private final Database database;
    private final Clock clock;

    public SiteBackup(SiteLocation site, Database database, Clock clock) {
        this.site = site;
        this.database = database;
        this.clock = clock;
    }

    public BackupSummary write(Path file) throws IOException, SQLException {
        Path databaseFile = site.isPostgres() ? null : SqliteDump.fileOf(site.dbUrl());
        SiteFiles files = new SiteFiles(site, databaseFile);
        String schema = database.appliedMigration().getVersion();
        try (ArchiveWriter archive = new ArchiveWriter(file)) {
            List<BackupManifest.Table> tables;
            if (site.isPostgres()) {
                tables = PostgresDump.save(database.jdbi(), archive);
            } else {
                SqliteDump.save(database.jdbi(), archive);
                tables = List.of();
            }
            int media = files.saveMedia(archive);
            int dataFiles = files.saveDataFiles(archive);
            String kind = site.isPostgres() ? "postgresql" : "sqlite";
            archive.finish(new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION, clock.instant().toString(),
                    kind, schema, tables, List.of()));
            long rows = site.isPostgres() ? tables.stream().mapToLong(BackupManifest.Table::rows).sum() : -1;
            return new BackupSummary(file, kind, schema, rows, media, dataFiles, Files.size(file));
        }
    }
}
