package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * The admin's list, the export and the digest's batches read subscribers through an index, so a
 * page costs the same at 100,000 subscribers as at 100; the counts read subscriber_counts, never
 * the list. Checked with each database's own plan, over 20,000 subscribers.
 */
class SubscriberQueryPlanTest {

    @TempDir
    Path folder;
    private TestSite site;

    @AfterEach
    void close() {
        if (site != null) {
            site.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theListTheExportAndTheDigestReadThroughAnIndexAndTheCountsNeverReadTheList(TestDatabase kind) {
        site = TestSite.open(kind, folder, TestClock.at("2025-03-10T09:00:00Z"));
        Jdbi jdbi = site.site().database.jdbi();
        SubscriberRepository repository = new SubscriberRepository(jdbi);
        repository.insertAll(IntStream.rangeClosed(1, 20_000).mapToObj(i -> new SubscriberRepository.NewSubscriber(
                "reader" + i + "@example.org", i % 50 == 0 ? Subscriber.PENDING : i % 70 == 0 ? Subscriber.UNSUBSCRIBED
                : Subscriber.CONFIRMED, "key" + i)).toList(), "import", Instant.parse("2025-03-10T09:00:00Z"));
        jdbi.useHandle(h -> h.execute(kind == TestDatabase.POSTGRES ? "ANALYZE subscribers" : "ANALYZE"));

        for (String status : List.of(Subscriber.PENDING, Subscriber.CONFIRMED)) {
            SubscriberFilter filter = SubscriberFilter.of(status, null);
            assertUsesAnIndex(kind, jdbi, SubscriberRepository.pageSql(filter, null, null), Map.of("status", status, "size", 51));
            assertUsesAnIndex(kind, jdbi, SubscriberRepository.pageSql(filter, 10_000L, null),
                    Map.of("status", status, "before", 10_000L, "size", 51));
            assertUsesAnIndex(kind, jdbi, SubscriberRepository.pageSql(filter, null, 10_000L),
                    Map.of("status", status, "after", 10_000L, "size", 51));
        }
        assertUsesAnIndex(kind, jdbi, SubscriberRepository.pageSql(SubscriberFilter.ALL, 10_000L, null), Map.of("before", 10_000L, "size", 51));
        // A search reads a range of the address index (and sorts what it found, newest first).
        SubscriberFilter search = SubscriberFilter.of(null, "reader123");
        Map<String, Object> binds = new java.util.HashMap<>(search.parameters());
        binds.put("size", 51);
        assertThat(plan(kind, jdbi, SubscriberRepository.pageSql(search, null, null), binds)).containsPattern(
                kind == TestDatabase.SQLITE ? "SEARCH subscribers USING (COVERING )?INDEX sqlite_autoindex_subscribers_1 \\(email>\\? AND email<\\?\\)"
                        : "(Bitmap )?Index (Only )?Scan (on|using) subscribers_email_key");
        assertUsesAnIndex(kind, jdbi, SubscriberRepository.CONFIRMED_AFTER, Map.of("after", 10_000L, "limit", 500));
        assertUsesAnIndex(kind, jdbi, SubscriberRepository.BY_EMAIL_AFTER, Map.of("after", "reader5", "limit", 1000));

        assertThat(plan(kind, jdbi, SubscriberRepository.COUNTS, Map.of())).doesNotContainPattern("(?i)\\bsubscribers\\b");
        assertThat(repository.counts()).containsEntry(Subscriber.PENDING, 400L).containsEntry(Subscriber.UNSUBSCRIBED, 228L)
                .containsEntry(Subscriber.CONFIRMED, 19_372L);
    }

    private static void assertUsesAnIndex(TestDatabase kind, Jdbi jdbi, String sql, Map<String, Object> binds) {
        String plan = plan(kind, jdbi, sql, binds);
        if (kind == TestDatabase.SQLITE) {
            // SEARCH ... USING (COVERING) INDEX or INTEGER PRIMARY KEY, and no sort of the rows found.
            assertThat(plan).as(sql).containsPattern("SEARCH subscribers USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY)")
                    .doesNotContain("TEMP B-TREE").doesNotContainPattern("SCAN subscribers(?! USING)");
        } else {
            assertThat(plan).as(sql).containsPattern("Index (Only )?Scan( Backward)? using subscribers_")
                    .doesNotContain("Seq Scan").doesNotContain("Sort");
        }
    }

    private static String plan(TestDatabase kind, Jdbi jdbi, String sql, Map<String, Object> binds) {
        String explain = (kind == TestDatabase.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
        return jdbi.withHandle(h -> {
            var query = h.createQuery(explain);
            binds.forEach(query::bind);
            return String.join("\n", query.map((rs, ctx) -> rs.getString(kind == TestDatabase.SQLITE ? "detail" : "QUERY PLAN")).list());
        });
    }
}
