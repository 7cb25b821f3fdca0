package org.vertebra.consult;

import java.util.List;

/**
 * A booking as the patient sent it, as text, whichever way it came (the booking page's form, the
 * JSON API, a future client): the one command {@link PatientBookings#book} takes and checks, so
 * that no way of booking can skip a rule. {@code zone} may be empty (UTC).
 *
 * @param acknowledged the patient read the advice that a ticked warning sign brings (in-person or
 *                     emergency care) and still wants a video consultation
 * @param consent      the patient accepted the terms of video consultations
 * @param lang         the patient's language (a BCP 47 tag) when the booking names one: the booking's mails, invitation
 *                     and pages speak it, and the problems with the command are told in it. None (null), or one the
 *                     site has no texts for: the booking is in the site's language and the problems in English, as the
 *                     JSON API answered before bookings had a language.
 */
public record BookingCommand(String doctor, String start, String zone, String name, String email, String phone, String age,
                             String complaint, String duration, List<String> redFlags, boolean acknowledged, boolean consent,
                             String lang) {

    /** The longest values taken, which the form's fields also say. */
    public static final int NAME_MAX = 100;
    public static final int COMPLAINT_MAX = 2000;
    public static final int DURATION_MAX = 100;
    public static final int PHONE_MAX = 30;

    public BookingCommand {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    /** A booking that names no language. */
    public BookingCommand(String doctor, String start, String zone, String name, String email, String phone, String age,
                          String complaint, String duration, List<String> redFlags, boolean acknowledged, boolean consent) {
        this(doctor, start, zone, name, email, phone, age, complaint, duration, redFlags, acknowledged, consent, null);
    }

    /**
     * Where it came from over the network: the sender's address, which the hourly limit counts,
     * and, from the booking page, the page's form ({@code form} null for the API).
     */
    public record Sender(String address, PageForm form) {
        public static Sender api(String address) {
            return new Sender(address, null);
        }
    }

    /**
     * What the booking page's form adds: its id (the same form sent twice is one booking), and for
     * the spam guard its ticket and the hidden field that only robots fill in.
     */
    public record PageForm(String id, String ticket, String honeypot) {
    }
}
