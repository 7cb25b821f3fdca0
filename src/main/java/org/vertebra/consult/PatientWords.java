package org.vertebra.consult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.vertebra.language.Messages;

/**
 * Times and durations as a patient reads them: in their language and time zone. The date and
 * time patterns come from the message bundle ({@code consult.format.*}), so a language a site adds
 * brings its own word order ("miércoles, 4 de marzo de 2026, a las 10:00").
 */
record PatientWords(Messages text) {

    /** A consultation's start: "Wednesday 4 March 2026 at 10:00 (Europe/London time)". */
    String when(Instant instant, ZoneId zone) {
        return text.format("consult.when", pattern("consult.format.date").format(instant.atZone(zone)),
                pattern("consult.format.time").format(instant.atZone(zone)), zone.getId().replace('_', ' '));
    }

    /** A day without its year, as a heading or a choice: "Wednesday 4 March", "Miércoles, 4 de marzo". */
    String day(LocalDate date) {
        String day = pattern("consult.format.day").format(date);
        return day.isEmpty() ? day : day.substring(0, 1).toUpperCase(text.lang().locale()) + day.substring(1);
    }

    /** A day without its year inside a sentence: "Wednesday 4 March", "miércoles, 4 de marzo". */
    String dayInText(LocalDate date) {
        return pattern("consult.format.day").format(date);
    }

    /** The time of day of a moment in a zone: "10:00". */
    String time(Instant instant, ZoneId zone) {
        return pattern("consult.format.time").format(instant.atZone(zone));
    }

    /** A duration in whole hours or minutes: "24 hours", "1 hora", "90 minutes". */
    String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? text.format("consult.duration.hours", minutes / 60) : text.format("consult.duration.minutes", minutes);
    }

    private DateTimeFormatter pattern(String key) {
        return DateTimeFormatter.ofPattern(text.get(key), text.lang().locale());
    }
}
