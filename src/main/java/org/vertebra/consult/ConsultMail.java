package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;
import org.vertebra.mail.Attachment;
import org.vertebra.mail.OutgoingMail;

/**
 * The mails a patient gets about a consultation: confirmation (also after a move) with its
 * calendar invitation, cancellation, and the reminders a day and an hour before. Each is written
 * in the language the patient booked in, times in the patient's zone. No health data goes into mail.
 */
final class ConsultMail {

    static final String BOOKED = "consult-booked";
    static final String CANCELLED = "consult-cancelled";
    static final String REMINDER = "consult-reminder";

    private final String siteTitle;
    private final String host;
    private final String baseUrl;
    private final String sender;
    private final Function<Language, Messages> texts;

    /**
     * @param sender the site's sender ("Clinic &lt;clinic@example.org&gt;" or bare), the invitation's organizer on the doctor's behalf
     * @param texts  the interface text of a language: each mail speaks its booking's
     */
    ConsultMail(String siteTitle, String baseUrl, String sender, Function<Language, Messages> texts) {
        this.siteTitle = siteTitle;
        this.host = java.net.URI.create(baseUrl).getHost() == null ? "localhost" : java.net.URI.create(baseUrl).getHost();
        this.baseUrl = baseUrl;
        this.sender = bare(sender);
        this.texts = texts;
    }

    /** The address in "Name &lt;address&gt;", or the text itself. */
    static String bare(String sender) {
        int open = sender.lastIndexOf('<');
        int close = sender.lastIndexOf('>');
        return open >= 0 && close > open ? sender.substring(open + 1, close).strip() : sender.strip();
    }

    OutgoingMail booked(Booking b, String doctor, String videoUrl, String manageUrl, Instant now, boolean moved, int sequence) {
        Messages t = texts.apply(b.lang());
        String when = new PatientWords(t).when(b.start(), b.patientZone());
        String text = t.format("consult.mail.dear", b.name()) + "\n\n"
                + t.get(moved ? "consult.mail.moved.intro" : "consult.mail.booked.intro") + "\n\n"
                + "  " + when + "\n  " + t.format("consult.mail.with", doctor,
                        b.slot().start().until(b.end(), java.time.temporal.ChronoUnit.MINUTES)) + "\n\n"
                + t.get("consult.mail.join") + "\n" + videoUrl + "\n\n"
                + t.get("consult.mail.manage") + "\n" + manageUrl + "\n\n"
                + t.get("consult.mail.worse") + "\n\n-- \n" + siteTitle + "\n";
        return new OutgoingMail(BOOKED, b.email(), t.format(moved ? "consult.mail.moved.subject" : "consult.mail.booked.subject", when),
                text, null, Map.of(), invite(b, t, doctor, videoUrl, manageUrl, now, CalendarInvite.Method.REQUEST, sequence));
    }

    OutgoingMail cancelled(Booking b, String doctor, String videoUrl, Instant now, int sequence) {
        Messages t = texts.apply(b.lang());
        String when = new PatientWords(t).when(b.start(), b.patientZone());
        String text = t.format("consult.mail.dear", b.name()) + "\n\n" + t.format("consult.mail.cancelled.text", doctor, when)
                + "\n\n-- \n" + siteTitle + "\n";
        return new OutgoingMail(CANCELLED, b.email(), t.format("consult.mail.cancelled.subject", when), text, null, Map.of(),
                invite(b, t, doctor, videoUrl, "", now, CalendarInvite.Method.CANCEL, sequence));
    }

    /** The clinic cancelled it (the doctor or an administrator): an apology and the way to book again, in the booking's language. */
    OutgoingMail cancelledByClinic(Booking b, String doctor, String videoUrl, Instant now, int sequence) {
        Messages t = texts.apply(b.lang());
        String when = new PatientWords(t).when(b.start(), b.patientZone());
        String text = t.format("consult.mail.dear", b.name()) + "\n\n" + t.format("consult.mail.clinic.text", doctor, when) + "\n"
                + baseUrl + ConsultRoutes.bookingPath(b.lang()) + "\n\n" + t.get("consult.mail.clinic.worse") + "\n\n-- \n"
                + siteTitle + "\n";
        return new OutgoingMail(CANCELLED, b.email(), t.format("consult.mail.clinic.subject", when), text, null, Map.of(),
                invite(b, t, doctor, videoUrl, "", now, CalendarInvite.Method.CANCEL, sequence));
    }

    /** @param soon which reminder: {@code consult.mail.tomorrow} or {@code consult.mail.inAnHour} */
    OutgoingMail reminder(Booking b, String doctor, String videoUrl, String manageUrl, String soon) {
        Messages t = texts.apply(b.lang());
        String when = new PatientWords(t).when(b.start(), b.patientZone());
        String inWords = t.get(soon);
        String text = t.format("consult.mail.dear", b.name()) + "\n\n" + t.format("consult.mail.reminder.text", doctor, inWords, when)
                + "\n\n" + t.get("consult.mail.reminder.join") + "\n" + videoUrl + "\n\n" + t.get("consult.mail.manage") + "\n"
                + manageUrl + "\n\n-- \n" + siteTitle + "\n";
        return OutgoingMail.plain(REMINDER, b.email(), t.format("consult.mail.reminder.subject", inWords), text);
    }

    /** The invitation, sent as the body's calendar alternative (the invitation card) and as a file to open. */
    private List<Attachment> invite(Booking b, Messages t, String doctor, String videoUrl, String manageUrl, Instant now,
                                    CalendarInvite.Method method, int sequence) {
        String description = t.format("consult.invite.description", doctor, videoUrl)
                + (manageUrl.isEmpty() ? "" : "\n" + t.format("consult.invite.manage", manageUrl));
        String ics = CalendarInvite.of(new CalendarInvite.Event("consult-" + b.id() + "@" + host, sequence, b.start(), b.end(),
                now, t.format("consult.invite.summary", doctor), description, videoUrl, new CalendarInvite.Party(doctor, sender),
                new CalendarInvite.Party(b.name(), b.email()), b.lang()), method);
        return List.of(new Attachment("consultation.ics", CalendarInvite.contentType(method), ics, true));
    }
}
