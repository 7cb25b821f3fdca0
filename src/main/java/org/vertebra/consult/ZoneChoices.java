package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The time zones a patient picks from on the booking page: the common ones first, every zone with
 * a name a person reads ("Kolkata - India Time, UTC+05:30"), and a lenient reading of what was
 * typed into the search, so that "new york" finds America/New_York.
 */
final class ZoneChoices {

    /** Where most of a clinic's patients are likely to be, around the world, west to east. */
    static final List<String> COMMON = List.of("America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
            "America/Toronto", "America/Mexico_City", "America/Sao_Paulo", "Europe/London", "Europe/Dublin", "Europe/Lisbon",
            "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Athens", "Africa/Lagos",
            "Africa/Cairo", "Africa/Johannesburg", "Africa/Nairobi", "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Singapore",
            "Asia/Hong_Kong", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland");

    /**
     * Old names that browsers still report (ICU keeps them as its canonical ids, so Chromium says
     * Asia/Calcutta) for zones the list shows under their current name.
     */
    static final Map<String, String> OLD_NAMES = Map.ofEntries(Map.entry("Asia/Calcutta", "Asia/Kolkata"),
            Map.entry("Asia/Saigon", "Asia/Ho_Chi_Minh"), Map.entry("Asia/Katmandu", "Asia/Kathmandu"),
            Map.entry("Asia/Rangoon", "Asia/Yangon"), Map.entry("Europe/Kiev", "Europe/Kyiv"),
            Map.entry("Atlantic/Faeroe", "Atlantic/Faroe"), Map.entry("America/Godthab", "America/Nuuk"),
            Map.entry("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
            Map.entry("America/Indianapolis", "America/Indiana/Indianapolis"),
            Map.entry("America/Louisville", "America/Kentucky/Louisville"), Map.entry("Africa/Asmera", "Africa/Asmara"),
            Map.entry("Pacific/Truk", "Pacific/Chuuk"), Map.entry("Pacific/Ponape", "Pacific/Pohnpei"),
            Map.entry("Pacific/Enderbury", "Pacific/Kanton"));

    /** One zone as the list shows it. */
    record Choice(String id, String label) {
    }

    private ZoneChoices() {
    }

    /** The chosen zone, the doctor's, the common ones, then every other zone by name. */
    static List<Choice> list(ZoneId chosen, ZoneId doctors, Instant now) {
        return list(chosen, doctors, now, Locale.UK);
    }

    /** As {@link #list(ZoneId, ZoneId, Instant)}, the zones' names in the reader's language. */
    static List<Choice> list(ZoneId chosen, ZoneId doctors, Instant now, Locale locale) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(chosen.getId());
        ids.add(doctors.getId());
        ids.addAll(COMMON);
        ids.addAll(TimeZones.CHOICES);
        ids.removeAll(OLD_NAMES.keySet());
        return ids.stream().map(id -> new Choice(id, label(ZoneId.of(id), now, locale))).toList();
    }

    /** "Kolkata (Asia) - India Time, UTC+05:30": the city first, as people look for it. */
    static String label(ZoneId zone, Instant now) {
        return label(zone, now, Locale.UK);
    }

    static String label(ZoneId zone, Instant now, Locale locale) {
        String id = zone.getId();
        int slash = id.lastIndexOf('/');
        String city = (slash < 0 ? id : id.substring(slash + 1)).replace('_', ' ');
        String region = slash < 0 ? "" : " (" + id.substring(0, slash).replace('_', ' ').replace("/", ", ") + ")";
        String offset = zone.getRules().getOffset(now).getId();
        return city + region + " - " + zone.getDisplayName(TextStyle.FULL, locale) + ", UTC" + ("Z".equals(offset) ? "+00:00" : offset);
    }

    /** "Kolkata (India Time, UTC+05:30)": the zone in a sentence, short enough for a phone's line. */
    static String shortLabel(ZoneId zone, Instant now) {
        return shortLabel(zone, now, Locale.UK);
    }

    /** As {@link #shortLabel(ZoneId, Instant)}, the zone's name in the reader's language: "London (Hora de Gran Bretaña, UTC+00:00)". */
    static String shortLabel(ZoneId zone, Instant now, Locale locale) {
        String id = zone.getId();
        String offset = zone.getRules().getOffset(now).getId();
        if (id.indexOf('/') < 0) {
            return "UTC".equals(id) || "Z".equals(id) ? "UTC" : id; // UTC, or an offset such as +05:30, says it all
        }
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') + " (" + zone.getDisplayName(TextStyle.FULL, locale)
                + ", UTC" + ("Z".equals(offset) ? "+00:00" : offset) + ")";
    }

    /** The zone named by what was typed: a zone id, a label from the list, or a city's name; empty when none fits. */
    static Optional<ZoneId> find(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String current = OLD_NAMES.get(typed.strip());
        ZoneId exact = TimeZones.parse(current != null && TimeZones.parse(current) != null ? current : typed);
        if (exact != null) {
            return Optional.of(exact);
        }
        String city = typed.strip().split(" [(-]", 2)[0].strip().replace(' ', '_');
        return TimeZones.CHOICES.stream().filter(id -> id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(city))
                .findFirst().map(ZoneId::of);
    }
}
