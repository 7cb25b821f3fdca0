package org.vertebra.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** What a bulk import relies on: savepoints inside one transaction, and statements kept for reuse on SQLite. */
class BulkWritesTest {

    private final TestClock clock = TestClock.at("2026-06-01T10:00:00Z");

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingUnitUnderASavepointIsUndoneAloneAndTheRestCommits(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, clock)) {
            Jdbi jdbi = site.site().database.jdbi();
            Transactor transactor = new Transactor(jdbi);
            transactor.run(() -> {
                state(jdbi, "bulk-a");
                assertThatThrownBy(() -> transactor.savepoint(() -> {
                    state(jdbi, "bulk-b");
                    throw new IllegalStateException("this one fails");
                })).hasMessage("this one fails");
                transactor.savepoint(() -> state(jdbi, "bulk-c"));
            });
            List<String> written = jdbi.withHandle(h -> h.createQuery("SELECT name FROM site_state WHERE name LIKE 'bulk-%' ORDER BY name")
                    .mapTo(String.class).list());
            assertThat(written).containsExactly("bulk-a", "bulk-c");
            assertThatThrownBy(() -> transactor.savepoint(() -> { })).as("only inside a transaction")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void keptStatementsAnswerLikeFreshOnesEvenNestedOrAfterAMaximumOfRows() {
        try (TestSite site = TestSite.open(TestDatabase.SQLITE, folder, clock)) {
            Jdbi jdbi = site.site().database.jdbi();
            String sql = "SELECT name FROM site_state WHERE name LIKE :prefix ORDER BY name";
            jdbi.useTransaction(h -> {
                for (int i = 0; i < 3; i++) {
                    h.createUpdate("INSERT INTO site_state (name, value) VALUES (:name, 'x')").bind("name", "kept-" + i).execute();
                }
                assertThat(h.createQuery(sql).bind("prefix", "kept-%").setMaxRows(1).mapTo(String.class).list()).hasSize(1);
                assertThat(h.createQuery(sql).bind("prefix", "kept-%").mapTo(String.class).list())
                        .containsExactly("kept-0", "kept-1", "kept-2");
                List<String> pairs = new ArrayList<>();
                try (var outer = h.createQuery(sql).bind("prefix", "kept-%").mapTo(String.class).stream()) {
                    outer.forEach(name -> pairs.add(name + "/" + h.createQuery(sql).bind("prefix", name).mapTo(String.class).one()));
                }
                assertThat(pairs).containsExactly("kept-0/kept-0", "kept-1/kept-1", "kept-2/kept-2");
            });
        }
    }

    private static void state(Jdbi jdbi, String name) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO site_state (name, value) VALUES (:name, 'x')").bind("name", name).execute());
    }
}
