package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.vertebra.mail.OutgoingMail;

/**
 * The mails that tell a doctor of a booking, a move or a cancellation, and the separate, marked
 * mail for an emergency-level warning sign. They say what happened, when, and link to the
 * consultation in the admin; the patient's name, contact details and intake answers stay there,
 * behind the sign-in (and its log), because mail passes through servers and mailboxes the site
 * does not control.
 */
final class DoctorNotice {

    static final String BOOKED = "consult-doctor-booked";
    static final String MOVED = "consult-doctor-moved";
    static final String CANCELLED = "consult-doctor-cancelled";
    static final String EMERGENCY = "consult-doctor-emergency";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final String siteTitle;
    private final String baseUrl;

    DoctorNotice(String siteTitle, String baseUrl) {
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
    }

    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    String detailUrl(Booking b) {
        return baseUrl + "/admin/consult/" + b.id() + "/";
    }

    OutgoingMail booked(String to, Doctor doctor, Booking b, RedFlag.Urgency urgency) {
        String when = when(b.start(), doctor.zone());
        String flag = switch (urgency) {
            case EMERGENCY -> "The patient ticked an EMERGENCY-level warning sign (a separate mail says so). ";
            case SOON -> "The patient ticked a warning sign that needs seeing within days. ";
            case ROUTINE -> "The patient ticked a warning sign to ask about. ";
            case NONE -> "";
        };
        String subject = "New consultation: " + when + (urgency == RedFlag.Urgency.NONE ? "" : " (" + urgency.label() + ")");
        return OutgoingMail.plain(BOOKED, to, subject, greeting(doctor) + "A video consultation was booked with you for " + when
                + " (" + zone(doctor) + ").\n\n" + flag + "The patient's details and intake answers are in the admin:\n"
                + detailUrl(b) + "\n" + footer());
    }

    OutgoingMail moved(String to, Doctor doctor, Booking b, Instant from, String byWhom) {
        String when = when(b.start(), doctor.zone());
        return OutgoingMail.plain(MOVED, to, "Consultation moved to " + when,
                greeting(doctor) + "A video consultation with you was moved by " + byWhom + ":\n\n  from " + when(from, doctor.zone())
                        + "\n  to   " + when + " (" + zone(doctor) + ")\n\nThe consultation:\n" + detailUrl(b) + "\n" + footer());
    }

    OutgoingMail cancelled(String to, Doctor doctor, Booking b, String byWhom) {
        String when = when(b.start(), doctor.zone());
        return OutgoingMail.plain(CANCELLED, to, "Consultation cancelled: " + when,
                greeting(doctor) + "The video consultation with you on " + when + " (" + zone(doctor) + ") was cancelled by "
                        + byWhom + ". The time is free again.\n\nThe consultation:\n" + detailUrl(b) + "\n" + footer());
    }

    /** Its own mail, marked in the subject and the headers, so that it stands out from routine notices. */
    OutgoingMail emergency(String to, Doctor doctor, Booking b) {
        String when = when(b.start(), doctor.zone());
        String text = greeting(doctor) + "URGENT. A patient who just booked a video consultation with you for " + when + " ("
                + zone(doctor) + ") ticked an emergency-level warning sign.\n\nThe booking page advised them to seek "
                + "emergency care at once. Please read the intake answers and contact the patient now rather than at the "
                + "consultation:\n" + detailUrl(b) + "\n" + footer();
        return new OutgoingMail(EMERGENCY, to, "URGENT: emergency warning sign in a consultation booked for " + when, text, null,
                java.util.Map.of("Importance", "high", "Priority", "urgent", "X-Priority", "1"));
    }

    private static String greeting(Doctor doctor) {
        return "Dear " + doctor.name() + ",\n\n";
    }

    private static String zone(Doctor doctor) {
        return TimeZones.label(doctor.zone()) + " time";
    }

    private String footer() {
        return "\n-- \n" + siteTitle + "\n";
    }
}
