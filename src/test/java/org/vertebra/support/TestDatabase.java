package org.vertebra.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database of each kind the site runs on: a SQLite file in a temporary folder, or
 * a new database on the PostgreSQL server named by {@code VERTEBRA_TEST_PG_URL} (.ci/run starts
 * one). Without that server, PostgreSQL tests fail under CI and are skipped, loudly, elsewhere.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRES;

    static final String DEFAULT_PG_URL = "jdbc:postgresql://localhost:5432/vertebra_test";

    /** A JDBC URL, user and password for a database no other test uses. */
    public record Created(String url, String user, String password, Runnable drop) {
    }

    public Created create(Path folder) {
        return switch (this) {
            case SQLITE -> new Created("jdbc:sqlite:" + folder.resolve("test.db"), "", "", () -> { });
            case POSTGRES -> createPostgres();
        };
    }

    private static Created createPostgres() {
        String adminUrl = env("VERTEBRA_TEST_PG_URL", DEFAULT_PG_URL);
        String user = env("VERTEBRA_TEST_PG_USER", "vertebra");
        String password = env("VERTEBRA_TEST_PG_PASSWORD", "vertebra");
        String name = "vt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL for tests is not reachable at " + adminUrl + " as " + user + " (" + e.getMessage()
                    + "). Start one and set VERTEBRA_TEST_PG_URL, _USER and _PASSWORD, as .ci/run does.";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message, e);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new Created(url, user, password, () -> drop(adminUrl, user, password, name));
    }

    private static void drop(String adminUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
