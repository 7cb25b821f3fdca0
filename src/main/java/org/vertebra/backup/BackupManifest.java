package org.vertebra.backup;

import java.util.List;

/**
 * The table of contents of a backup file, written as {@code manifest.json} after every other
 * entry, so that a file cut short has no manifest or a manifest naming entries it lacks.
 *
 * @param format        always {@link #FORMAT}, so a stray zip file is not taken for a backup
 * @param version       the layout of the file, raised when it changes
 * @param database      {@code sqlite} or {@code postgresql}: which kind of database it restores into
 * @param schemaVersion the last migration applied to the database it was taken from
 * @param tables        for PostgreSQL, each table's columns in the order its data was written
 * @param entries       every other entry with its size and SHA-256, checked before a restore writes
 */
record BackupManifest(
        String format,
        int version,
        String createdAt,
        String database,
        String schemaVersion,
        List<Table> tables,
        List<Entry> entries) {

    public static final String FORMAT = "vertebra-backup";
    public static final int VERSION = 1;
    public static final String NAME = "manifest.json";

    public record Table(String name, List<String> columns, long rows) {
    }

    public record Entry(String name, long size, String sha256) {
    }
}
