package org.vertebra.backup;

import java.nio.file.Path;

/** What a backup or a restore carried: for the command's last line. */
public record BackupSummary(Path file, String database, String schemaVersion, long rows, int mediaFiles,
                            int dataFiles, long bytes) {

    public String describe() {
        String rowsPart = rows >= 0 ? rows + " rows, " : "";
        return database + " database at migration " + schemaVersion + " (" + rowsPart + mediaFiles + " media files, "
                + dataFiles + " settings files)";
    }
}
