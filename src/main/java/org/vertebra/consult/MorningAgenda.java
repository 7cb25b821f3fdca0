package org.vertebra.consult;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.vertebra.mail.OutgoingMail;

/**
 * The doctor's morning mail: the day's consultations, in the doctor's zone, each with its link
 * and the urgency of its warning signs; like {@link DoctorNotice}, without the patients' names or
 * answers, which the admin shows after sign-in.
 */
final class MorningAgenda {

    static final String KIND = "consult-doctor-agenda";
    /** Hours after the chosen one that the mail still goes out (a server down at 07:00 sends it at 08:30); later it is stale. */
    static final int LATE_HOURS = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** One consultation of the day. */
    record Entry(Booking booking, RedFlag.Urgency urgency) {
    }

    private final String siteTitle;
    private final String baseUrl;

    MorningAgenda(String siteTitle, String baseUrl) {
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
    }

    OutgoingMail mail(String to, Doctor doctor, LocalDate day, List<Entry> entries) {
        StringBuilder text = new StringBuilder("Dear " + doctor.name() + ",\n\nYour video consultations on " + DAY.format(day)
                + " (" + TimeZones.label(doctor.zone()) + " time):\n\n");
        long emergencies = entries.stream().filter(e -> e.urgency().emergency()).count();
        for (Entry e : entries) {
            text.append("  ").append(TIME.format(e.booking().start().atZone(doctor.zone()))).append('-')
                    .append(TIME.format(e.booking().end().atZone(doctor.zone())))
                    .append(e.urgency() == RedFlag.Urgency.NONE ? "" : "  [" + e.urgency().label() + "]").append("\n  ")
                    .append(baseUrl).append("/admin/consult/").append(e.booking().id()).append("/\n\n");
        }
        text.append("The day in the admin:\n").append(baseUrl).append("/admin/consult/?doctor=").append(doctor.id())
                .append("&date=").append(day).append("\n\nYou get this mail because you asked for it under Consultations, Hours.")
                .append("\n\n-- \n").append(siteTitle).append('\n');
        String count = entries.size() == 1 ? "1 consultation" : entries.size() + " consultations";
        return OutgoingMail.plain(KIND, to, (emergencies > 0 ? "URGENT sign among today's consultations: " : "Today: ") + count
                + " on " + DAY.format(day), text.toString());
    }
}
