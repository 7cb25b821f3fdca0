package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestDatabase;

/** The same migrations and queries run on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DatabaseMigrationTest {

    @Parameter
    TestDatabase kind;

    @TempDir
    Path temp;

    @Test
    void migratesEmptyDatabaseAndAgainWithoutChange() {
        TestDatabase.Created created = kind.create(temp);
        try {
            try (Database first = Database.open(created.url(), created.user(), created.password())) {
                assertThat(first.isReachable()).isTrue();
                assertThat(first.isPostgres()).isEqualTo(kind == TestDatabase.POSTGRES);
                assertThat(menu(first)).containsExactly("Home");
            }
            try (Database second = Database.open(created.url(), created.user(), created.password())) {
                int applied = second.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE").mapTo(Integer.class).one());
                assertThat(applied).isGreaterThanOrEqualTo(1);
                assertThat(menu(second)).containsExactly("Home");
            }
        } finally {
            created.drop().run();
        }
    }

    @Test
    void aDatabaseAlreadyAtThisBuildsVersionIsNotHandedToFlywayAgain() {
        TestDatabase.Created created = kind.create(temp);
        try {
            try (Database first = Database.open(created.url(), created.user(), created.password())) {
                assertThat(first.appliedMigration()).isEqualTo(Database.latestMigration());
                // Flyway would refuse to start on an applied migration whose file no longer matches.
                first.jdbi().useHandle(h -> h.createUpdate("UPDATE flyway_schema_history SET checksum = 1").execute());
            }
            try (Database second = Database.open(created.url(), created.user(), created.password())) {
                assertThat(second.isReachable()).isTrue();
            }
            // One migration behind, Flyway runs, and the doctored checksums stop it: proof it was left out above.
            try (Database first = Database.open(created.url(), created.user(), created.password())) {
                first.jdbi().useHandle(h -> h.createUpdate("UPDATE flyway_schema_history SET version = '0.1' "
                        + "WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)").execute());
            }
            assertThatThrownBy(() -> Database.open(created.url(), created.user(), created.password()).close())
                    .hasMessageContaining("checksum");
        } finally {
            created.drop().run();
        }
    }

    @Test
    void findsThisBuildsLatestMigrationAsFlywayDoes() {
        assertThat(MigrationFiles.latest()).contains(Database.latestMigrationByFlyway());
    }

    @Test
    void storesInstantsToTheMillisecondOnBothDatabases() {
        TestDatabase.Created created = kind.create(temp);
        try (Database database = Database.open(created.url(), created.user(), created.password())) {
            Instant instant = Instant.parse("2024-02-01T09:30:15.123Z");
            database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO tags (slug, name, created_at) VALUES ('t', 'T', :at)")
                    .bind("at", instant).execute());

            Instant read = database.jdbi().withHandle(h -> h.createQuery("SELECT created_at FROM tags WHERE slug = 't'")
                    .mapTo(Instant.class).one());

            assertThat(read).isEqualTo(instant);
        } finally {
            created.drop().run();
        }
    }

    private static List<String> menu(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT label FROM menu_items WHERE menu = 'primary'")
                .mapTo(String.class).list());
    }
}
