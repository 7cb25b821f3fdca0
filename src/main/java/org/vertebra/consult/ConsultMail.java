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
    private final String baseUrl;
    private final String sender;

    /** @param sender the site's sender ("Clinic &lt;clinic@example.org&gt;" or bare), the invitation's organizer on the doctor's behalf */
    ConsultMail(String siteTitle, String baseUrl, String sender) {
        this.siteTitle = siteTitle;
        this.host = java.net.URI.create(baseUrl).getHost() == null ? "localhost" : java.net.URI.create(baseUrl).getHost();
        this.baseUrl = baseUrl;
        this.sender = bare(sender);
    }

    /** The address in "Name &lt;address&gt;", or the text itself. */
    static String bare(String sender) {
        int open = sender.lastIndexOf('<');
        int close = sender.lastIndexOf('>');
        return open >= 0 && close > open ? sender.substring(open + 1, close).strip() : sender.strip();
    }

    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId().replace('_', ' ') + " time)";
    }

    OutgoingMail booked(Booking b, String doctor, String videoUrl, String manageUrl, Instant now, boolean moved, int sequence) {
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
                Map.of(), invite(b, doctor, videoUrl, manageUrl, now, CalendarInvite.Method.REQUEST, sequence));
    }

    OutgoingMail cancelled(Booking b, String doctor, String videoUrl, Instant now, int sequence) {
        String when = when(b.start(), b.patientZone());
        String text = "Dear " + b.name() + ",\n\nYour video consultation with " + doctor + " on " + when
                + " is cancelled. You can book another time on our site whenever you wish.\n\n-- \n" + siteTitle + "\n";
        return new OutgoingMail(CANCELLED, b.email(), "Cancelled: video consultation on " + when, text, null, Map.of(),
                invite(b, doctor, videoUrl, "", now, CalendarInvite.Method.CANCEL, sequence));
    }

    /** The clinic cancelled it (the doctor or an administrator): an apology and the way to book again. */
    OutgoingMail cancelledByClinic(Booking b, String doctor, String videoUrl, Instant now, int sequence) {
        String when = when(b.start(), b.patientZone());
        String text = "Dear " + b.name() + ",\n\nWe are sorry: your video consultation with " + doctor + " on " + when
                + " had to be cancelled by the clinic. Please book another time on our site:\n" + baseUrl + "/teleconsult/\n\n"
                + "If your symptoms get much worse in the meantime, or you have new numbness, weakness, or problems with your "
                + "bladder or bowel, contact your local emergency services.\n\n-- \n" + siteTitle + "\n";
        return new OutgoingMail(CANCELLED, b.email(), "Cancelled by the clinic: video consultation on " + when, text, null, Map.of(),
                invite(b, doctor, videoUrl, "", now, CalendarInvite.Method.CANCEL, sequence));
    }

    OutgoingMail reminder(Booking b, String doctor, String videoUrl, String manageUrl, String inWords) {
        String when = when(b.start(), b.patientZone());
        String text = "Dear " + b.name() + ",\n\nA reminder: your video consultation with " + doctor + " starts " + inWords
                + ", on " + when + ".\n\nJoin the video call:\n" + videoUrl + "\n\nTo move or cancel it:\n" + manageUrl
                + "\n\n-- \n" + siteTitle + "\n";
        return OutgoingMail.plain(REMINDER, b.email(), "Reminder: video consultation " + inWords, text);
    }

    /** The invitation, sent as the body's calendar alternative (the invitation card) and as a file to open. */
    private List<Attachment> invite(Booking b, String doctor, String videoUrl, String manageUrl, Instant now,
                                    CalendarInvite.Method method, int sequence) {
        String description = "Video consultation with " + doctor + ". Join: " + videoUrl
                + (manageUrl.isEmpty() ? "" : "\nMove or cancel: " + manageUrl);
        String ics = CalendarInvite.of(new CalendarInvite.Event("consult-" + b.id() + "@" + host, sequence, b.start(), b.end(),
                now, "Video consultation with " + doctor, description, videoUrl, new CalendarInvite.Party(doctor, sender),
                new CalendarInvite.Party(b.name(), b.email())), method);
        return List.of(new Attachment("consultation.ics", CalendarInvite.contentType(method), ics, true));
    }
}
