package org.vertebra.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQLite database as one file. {@code VACUUM INTO} copies it inside a read transaction, so the
 * copy is one consistent moment of a running site while writers go on in WAL mode; unlike the
 * page-by-page backup API, it does not start over each time a writer commits.
 */
final class SqliteDump {

    static final String ENTRY = "database/vertebra.db";

    private SqliteDump() {
    }

    static void save(Jdbi jdbi, ArchiveWriter archive) throws IOException {
        Path copy = archive.scratchFolder().resolve(".vertebra-backup-" + System.nanoTime() + ".db");
        try {
            jdbi.useHandle(handle -> handle.execute("VACUUM INTO ?", copy.toString()));
            archive.file(ENTRY, copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Writes the database file beside its place, checks it, then moves it in. */
    static void load(VerifiedBackup backup, Path databaseFile) throws IOException, DamagedBackup {
        Files.createDirectories(databaseFile.toAbsolutePath().getParent());
        Path incoming = databaseFile.resolveSibling(databaseFile.getFileName() + ".restoring");
        try (InputStream in = backup.open(ENTRY)) {
            Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            checkIntegrity(incoming);
            Files.move(incoming, databaseFile, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    private static void checkIntegrity(Path file) throws DamagedBackup {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            String verdict = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new DamagedBackup("the database in the backup fails SQLite's integrity check: " + verdict);
            }
        } catch (SQLException e) {
            throw new DamagedBackup("the database in the backup cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The file a {@code jdbc:sqlite:} URL names. */
    static Path fileOf(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        return Path.of(query < 0 ? path : path.substring(0, query));
    }
}
