package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) file for one consultation, in UTC, for the patient's calendar program:
 * METHOD:PUBLISH when booked or moved (a higher SEQUENCE replaces the earlier one), METHOD:CANCEL
 * when cancelled. Lines end in CRLF and are folded at 75 octets.
 */
final class CalendarInvite {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarInvite() {
    }

    static String of(String uid, Instant start, Instant end, Instant now, String summary, String description, String location,
                     boolean cancelled) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Vertebra//TeleConsult//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid);
        line(ics, "SEQUENCE:" + now.getEpochSecond() / 60);
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "LOCATION:" + text(location));
        line(ics, "URL:" + location);
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String contentType(boolean cancelled) {
        return "text/calendar; method=" + (cancelled ? "CANCEL" : "PUBLISH");
    }

    /** TEXT values escape backslash, semicolon, comma and newlines. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Appends a content line folded at 75 octets (continuations start with a space), ending in CRLF. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        ics.append("\r\n");
    }
}
