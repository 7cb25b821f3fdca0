package org.vertebra.consult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.vertebra.language.Language;

/**
 * An iTIP (RFC 5546) message for one consultation, in UTC: METHOD:REQUEST when booked or moved,
 * so that mail programs show an invitation card and update the event in place, METHOD:CANCEL when
 * cancelled, with the same UID. The doctor is the ORGANIZER (at the site's sender address, which
 * receives any reply), the patient the ATTENDEE; SEQUENCE is the booking's stored count of
 * changes, so a move and a cancellation within one minute still order correctly. Lines end in
 * CRLF and are folded at 75 octets.
 */
final class CalendarInvite {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The iTIP method: what the message asks of the attendee's calendar. */
    enum Method {
        REQUEST, CANCEL
    }

    /** A person in the invitation: a display name and a bare address. */
    record Party(String name, String address) {
    }

    /** One consultation as a calendar event. */
    /**
     * {@code lang}: the language of the summary and description, told by their LANGUAGE parameter
     * (RFC 5545 3.2.10); null tells none.
     */
    record Event(String uid, int sequence, Instant start, Instant end, Instant stamp, String summary, String description,
                 String location, Party organizer, Party attendee, Language lang) {
        Event(String uid, int sequence, Instant start, Instant end, Instant stamp, String summary, String description,
              String location, Party organizer, Party attendee) {
            this(uid, sequence, start, end, stamp, summary, description, location, organizer, attendee, null);
        }
    }

    private CalendarInvite() {
    }

    static String of(Event event, Method method) {
        boolean cancelled = method == Method.CANCEL;
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Vertebra//TeleConsult//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method.name());
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + event.uid());
        line(ics, "SEQUENCE:" + event.sequence());
        line(ics, "DTSTAMP:" + UTC.format(event.stamp()));
        line(ics, "DTSTART:" + UTC.format(event.start()));
        line(ics, "DTEND:" + UTC.format(event.end()));
        String language = event.lang() == null ? "" : ";LANGUAGE=" + event.lang().tag();
        line(ics, "SUMMARY" + language + ":" + text(event.summary()));
        line(ics, "DESCRIPTION" + language + ":" + text(event.description()));
        line(ics, "LOCATION:" + text(event.location()));
        line(ics, "URL:" + event.location());
        line(ics, "ORGANIZER;CN=" + param(event.organizer().name()) + ":mailto:" + event.organizer().address());
        // No RSVP: the consultation is booked already; the patient moves or cancels by the link in the mail.
        line(ics, "ATTENDEE;CN=" + param(event.attendee().name()) + ";ROLE=REQ-PARTICIPANT"
                + (cancelled ? "" : ";PARTSTAT=ACCEPTED") + ";RSVP=FALSE:mailto:" + event.attendee().address());
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String contentType(Method method) {
        return "text/calendar; method=" + method.name();
    }

    /** TEXT values escape backslash, semicolon, comma and newlines. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** A parameter value, quoted: it may hold commas, colons and semicolons, but no quote or control character. */
    static String param(String value) {
        return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
    }

    /** Appends a content line folded at 75 octets (continuations start with a space), ending in CRLF. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
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
