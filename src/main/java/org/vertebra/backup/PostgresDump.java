package org.vertebra.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Every table of a PostgreSQL database in COPY's binary format, read in one repeatable-read,
 * read-only transaction: one snapshot of a running site, taken without blocking its writers.
 * The migration history is not copied; a restore runs the migrations up to the same version
 * and loads the rows into the tables they make.
 */
final class PostgresDump {

    private static final String HISTORY = "flyway_schema_history";

    private PostgresDump() {
    }

    static List<BackupManifest.Table> save(Jdbi jdbi, ArchiveWriter archive) throws IOException, SQLException {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            CopyManager copy = copyApi(handle.getConnection());
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : columnsByTable(handle).entrySet()) {
                try (OutputStream out = archive.entry(entryOf(table.getKey()))) {
                    long rows = copy.copyOut("COPY " + quoted(table.getKey()) + " (" + columnList(table.getValue())
                            + ") TO STDOUT (FORMAT binary)", out);
                    tables.add(new BackupManifest.Table(table.getKey(), table.getValue(), rows));
                }
            }
            handle.rollback(); // it only read
            return tables;
        }
    }

    /** Loads every table in one transaction, parents before the tables that refer to them. */
    static void load(VerifiedBackup backup, Connection connection) throws SQLException, IOException {
        connection.setAutoCommit(false);
        try {
            CopyManager copy = copyApi(connection);
            try (var statement = connection.createStatement()) {
                // The migrations just run may have seeded rows; the backup holds the real ones.
                statement.execute("TRUNCATE " + String.join(", ", backup.manifest().tables().stream()
                        .map(t -> quoted(t.name())).toList()));
            }
            for (BackupManifest.Table table : parentsFirst(backup.manifest().tables(), connection)) {
                try (InputStream in = backup.open(entryOf(table.name()))) {
                    copy.copyIn("COPY " + quoted(table.name()) + " (" + columnList(table.columns())
                            + ") FROM STDIN (FORMAT binary)", in);
                }
            }
            resetIdentities(connection);
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** True for a new database: no table at all in its schema, not even a migration history. */
    static boolean isEmpty(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("""
                SELECT COUNT(*) FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""");
             var result = statement.executeQuery()) {
            return result.next() && result.getLong(1) == 0;
        }
    }

    private static Map<String, List<String>> columnsByTable(Handle handle) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> :history
                          AND c.is_generated = 'NEVER'
                        ORDER BY c.table_name, c.ordinal_position""")
                .bind("history", HISTORY)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return columns;
    }

    private static List<BackupManifest.Table> parentsFirst(List<BackupManifest.Table> tables, Connection connection)
            throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("""
                     SELECT child.relname, parent.relname FROM pg_constraint c
                     JOIN pg_class child ON child.oid = c.conrelid
                     JOIN pg_class parent ON parent.oid = c.confrelid
                     JOIN pg_namespace n ON n.oid = child.relnamespace
                     WHERE c.contype = 'f' AND n.nspname = current_schema()""")) {
            while (result.next()) {
                parents.computeIfAbsent(result.getString(1), k -> new LinkedHashSet<>()).add(result.getString(2));
            }
        }
        Set<String> inBackup = new java.util.HashSet<>(tables.stream().map(BackupManifest.Table::name).toList());
        List<BackupManifest.Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<BackupManifest.Table> waiting = new ArrayList<>(tables);
        while (!waiting.isEmpty()) {
            int before = waiting.size();
            waiting.removeIf(table -> {
                Set<String> needs = new LinkedHashSet<>(parents.getOrDefault(table.name(), Set.of()));
                needs.remove(table.name()); // a table that refers to itself loads in one COPY
                needs.retainAll(inBackup);
                if (!placed.containsAll(needs)) {
                    return false;
                }
                ordered.add(table);
                placed.add(table.name());
                return true;
            });
            if (waiting.size() == before) {
                throw new IllegalStateException("the tables' foreign keys form a cycle: " + waiting);
            }
        }
        return ordered;
    }

    /** Identity columns go on counting after the highest restored id. */
    private static void resetIdentities(Connection connection) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("""
                     SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')""")) {
            while (result.next()) {
                identities.add(new String[] {result.getString(1), result.getString(2)});
            }
        }
        for (String[] identity : identities) {
            try (var statement = connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                    + "(SELECT COALESCE(MAX(" + quoted(identity[1]) + "), 0) + 1 FROM " + quoted(identity[0]) + "), false)")) {
                statement.setString(1, quoted(identity[0]));
                statement.setString(2, identity[1]);
                statement.execute();
            }
        }
    }

    private static CopyManager copyApi(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static String entryOf(String table) {
        return "database/" + table + ".pgcopy";
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(PostgresDump::quoted).toList());
    }

    /** Names come from the database's own catalogue, never from a user; quoting keeps odd ones intact. */
    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
