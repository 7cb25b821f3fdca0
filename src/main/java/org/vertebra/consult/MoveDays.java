package org.vertebra.consult;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The choice a patient moving a consultation has: every day within the booking horizon that still
 * has free times (in the patient's zone), and the free times of the day they picked, or of the
 * first such day.
 *
 * @param days   the days with free times, in order
 * @param chosen the day whose times are offered; null when no day has any
 * @param times  the free times of that day
 */
record MoveDays(Map<LocalDate, Integer> days, LocalDate chosen, List<Slot> times) {

    static MoveDays of(List<Slot> free, ZoneId zone, LocalDate wanted) {
        Map<LocalDate, Integer> days = new LinkedHashMap<>();
        for (Slot slot : free) {
            days.merge(slot.start().atZone(zone).toLocalDate(), 1, Integer::sum);
        }
        LocalDate chosen = wanted != null && days.containsKey(wanted) ? wanted
                : days.keySet().stream().findFirst().orElse(null);
        List<Slot> times = free.stream().filter(s -> s.start().atZone(zone).toLocalDate().equals(chosen)).toList();
        return new MoveDays(days, chosen, times);
    }
}
