package org.vertebra.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The statistics tables: daily totals, the day's visitor hashes and the day's salt. */
final class StatsRepository {

    private final Jdbi jdbi;

    StatsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds hits to the day's totals (keyed by kind and item) and notes the day's visitors; the caller owns the transaction. */
    void add(LocalDate day, Map<List<String>, Long> totals, Set<String> visitors) {
        jdbi.useHandle(h -> {
            var add = h.prepareBatch("""
                    INSERT INTO stats_daily (stat_day, kind, item, hits) VALUES (:day, :kind, :item, :hits)
                    ON CONFLICT (stat_day, kind, item) DO UPDATE SET hits = stats_daily.hits + excluded.hits""");
            totals.forEach((key, hits) -> add.bind("day", day.toString()).bind("kind", key.get(0)).bind("item", key.get(1))
                    .bind("hits", hits).add());
            add.execute();
            if (!visitors.isEmpty()) {
                var seen = h.prepareBatch("INSERT INTO stats_visitors (stat_day, visitor) VALUES (:day, :visitor) ON CONFLICT DO NOTHING");
                visitors.forEach(v -> seen.bind("day", day.toString()).bind("visitor", v).add());
                seen.execute();
            }
        });
    }

    /** Writes down the number of visitors of every day before {@code today}, then deletes their hashes and salts; how many hashes went. */
    int forgetVisitorsBefore(LocalDate today) {
        return jdbi.withHandle(h -> {
            h.createUpdate("""
                            INSERT INTO stats_daily (stat_day, kind, item, hits)
                            SELECT stat_day, 'visitors', '', COUNT(*) FROM stats_visitors WHERE stat_day < :today GROUP BY stat_day
                            ON CONFLICT (stat_day, kind, item) DO UPDATE SET hits = excluded.hits""")
                    .bind("today", today.toString()).execute();
            int forgotten = h.createUpdate("DELETE FROM stats_visitors WHERE stat_day < :today").bind("today", today.toString()).execute();
            h.createUpdate("DELETE FROM stats_salts WHERE stat_day < :today").bind("today", today.toString()).execute();
            return forgotten;
        });
    }

    /** The totals from {@code from} to {@code today}, newest day last. */
    StatsReport report(LocalDate from, LocalDate today) {
        return jdbi.withHandle(h -> new StatsReport(from, today, daily(h, from, StatsService.VIEW),
                visitorsByDay(h, from, today), top(h, from, StatsService.VIEW), top(h, from, StatsService.REFERRER),
                top(h, from, StatsService.SEARCH_MISS)));
    }

    /** The day's salt: the one stored, or this new one when none is (every server then reads the same). */
    String saltOf(LocalDate day, String newSalt) {
        return jdbi.withHandle(h -> {
            h.createUpdate("INSERT INTO stats_salts (stat_day, salt) VALUES (:day, :salt) ON CONFLICT (stat_day) DO NOTHING")
                    .bind("day", day.toString()).bind("salt", newSalt).execute();
            return h.createQuery("SELECT salt FROM stats_salts WHERE stat_day = :day").bind("day", day.toString())
                    .mapTo(String.class).one();
        });
    }

    private static Map<String, Long> daily(Handle h, LocalDate from, String kind) {
        Map<String, Long> byDay = new HashMap<>();
        h.createQuery("SELECT stat_day, SUM(hits) AS hits FROM stats_daily WHERE kind = :kind AND stat_day >= :from GROUP BY stat_day")
                .bind("kind", kind).bind("from", from.toString())
                .map((rs, ctx) -> Map.entry(rs.getString("stat_day"), rs.getLong("hits"))).forEach(e -> byDay.put(e.getKey(), e.getValue()));
        return byDay;
    }

    private static Map<String, Long> visitorsByDay(Handle h, LocalDate from, LocalDate today) {
        Map<String, Long> byDay = daily(h, from, StatsService.VISITORS);
        h.createQuery("SELECT COUNT(*) FROM stats_visitors WHERE stat_day = :today").bind("today", today.toString())
                .mapTo(Long.class).findOne().filter(n -> n > 0).ifPresent(n -> byDay.put(today.toString(), n));
        return byDay;
    }

    private static List<StatsReport.Count> top(Handle h, LocalDate from, String kind) {
        return h.createQuery("""
                        SELECT item, SUM(hits) AS hits FROM stats_daily WHERE kind = :kind AND stat_day >= :from
                        GROUP BY item ORDER BY hits DESC, item LIMIT 20""")
                .bind("kind", kind).bind("from", from.toString())
                .map((rs, ctx) -> new StatsReport.Count(rs.getString("item"), rs.getLong("hits"))).list();
    }
}
