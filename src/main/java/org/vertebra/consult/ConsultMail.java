package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vertebra.mail.Attachment;
import org.vertebra.mail.OutgoingMail;

/**
 * The mails a patient gets about a consultation: confirmation (also after a move) with its
 * calendar invitation, cancellation, and the reminders a day and an hour before. Times are
 * written in the patient's zone. No health data goes into mail.
 */
final class ConsultMail {

    static final String BOOKED = "consult-booked";
    static final String CANCELLED = "consult-cancelled";
    static final String REMINDER = "consult-reminder";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final String siteTitle;
    private final String host;

    ConsultMail(String siteTitle, String baseUrl) {
        this.siteTitle = siteTitle;
        this.host = java.net.URI.create(baseUrl).getHost() == null ? "localhost" : java.net.URI.create(baseUrl).getHost();
    }

    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId().replace('_', ' ') + " time)";
    }

    OutgoingMail booked(Booking b, String doctor, String videoUrl, String manageUrl, Instant now, boolean moved) {
        String when = when(b.start(), b.patientZone());
        String text = "Dear " + b.name() + ",\n\n"
                + (moved ? "Your video consultation has been moved. The new time is:\n\n" : "Your video consultation is booked:\n\n")
                + "  " + when + "\n  with " + doctor + ", " + b.slot().start().until(b.end(), java.time.temporal.ChronoUnit.MINUTES)
                + " minutes\n\n"
                + "Join the video call at that time (a calendar invitation is attached):\n" + videoUrl + "\n\n"
                + "To move or cancel it:\n" + manageUrl + "\n\n"
                + "If your symptoms get much worse before then, or you have new numbness, weakness, or problems with your "
                + "bladder or bowel, do not wait for the call: contact your local emergency services.\n\n-- \n" + siteTitle + "\n";
        return new OutgoingMail(BOOKED, b.email(), (moved ? "Moved: " : "Booked: ") + "video consultation on " + when, text, null,
                Map.of(), List.of(invite(b, doctor, videoUrl, manageUrl, now, false)));
    }

    OutgoingMail cancelled(Booking b, String doctor, String videoUrl, Instant now) {
        String when = when(b.start(), b.patientZone());
        String text = "Dear " + b.name() + ",\n\nYour video consultation with " + doctor + " on " + when
                + " is cancelled. You can book another time on our site whenever you wish.\n\n-- \n" + siteTitle + "\n";
        return new OutgoingMail(CANCELLED, b.email(), "Cancelled: video consultation on " + when, text, null, Map.of(),
                List.of(invite(b, doctor, videoUrl, "", now, true)));
    }

    OutgoingMail reminder(Booking b, String doctor, String videoUrl, String manageUrl, String inWords) {
        String when = when(b.start(), b.patientZone());
        String text = "Dear " + b.name() + ",\n\nA reminder: your video consultation with " + doctor + " starts " + inWords
                + ", on " + when + ".\n\nJoin the video call:\n" + videoUrl + "\n\nTo move or cancel it:\n" + manageUrl
                + "\n\n-- \n" + siteTitle + "\n";
        return OutgoingMail.plain(REMINDER, b.email(), "Reminder: video consultation " + inWords, text);
    }

    private Attachment invite(Booking b, String doctor, String videoUrl, String manageUrl, Instant now, boolean cancelled) {
        String description = "Video consultation with " + doctor + ". Join: " + videoUrl
                + (manageUrl.isEmpty() ? "" : "\nMove or cancel: " + manageUrl);
        return new Attachment("consultation.ics", CalendarInvite.contentType(cancelled),
                CalendarInvite.of("consult-" + b.id() + "@" + host, b.start(), b.end(), now, "Video consultation with " + doctor,
                        description, videoUrl, cancelled));
    }
}
