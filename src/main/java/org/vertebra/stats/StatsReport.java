package org.vertebra.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Totals for a run of days: views and visitors by day (ISO date keys), and the top pages, referrers and fruitless searches. */
public record StatsReport(LocalDate from, LocalDate to, Map<String, Long> viewsByDay, Map<String, Long> visitorsByDay,
                          List<Count> topPages, List<Count> referrers, List<Count> searchMisses) {

    public record Count(String item, long hits) {
    }
}
