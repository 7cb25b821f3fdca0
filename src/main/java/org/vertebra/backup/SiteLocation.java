package org.vertebra.backup;

import java.nio.file.Path;

/**
 * Where a site keeps what a backup holds: its database, its data folder (settings and key files)
 * and its media folder.
 *
 * @param untouchedNodeSettings the text of the settings file a first run writes; a node's file
 *                              that still reads so was never edited and may give way to the backup's
 */
public record SiteLocation(String dbUrl, String dbUser, String dbPassword, Path dataDir, Path mediaDir,
        String untouchedNodeSettings) {

    public boolean isPostgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }
}
