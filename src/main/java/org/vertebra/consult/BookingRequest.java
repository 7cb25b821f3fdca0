package org.vertebra.consult;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.vertebra.form.Problems;

/**
 * A {@link BookingCommand} checked: every problem is reported at once, in the order of the form,
 * under the API's field names ({@code doctor}, {@code start}, {@code name}, ... {@code consent}),
 * so a patient corrects the form in one go. Only {@link ConsultService} makes one, so that no way
 * of booking skips a check.
 */
record BookingRequest(String doctor, Instant start, ZoneId zone, String name, String email, String phone,
                             Intake intake) {

    private static final int NAME_MAX = BookingCommand.NAME_MAX;
    private static final int COMPLAINT_MAX = BookingCommand.COMPLAINT_MAX;
    private static final int DURATION_MAX = BookingCommand.DURATION_MAX;
    private static final int PHONE_MAX = BookingCommand.PHONE_MAX;

    /** The problem's field when a warning sign is ticked and its advice not acknowledged. */
    static final String ACKNOWLEDGED = "acknowledged";
    static final String ACKNOWLEDGE_ADVICE =
            "You ticked a warning sign. Please read the advice below, and tick the box if you still want a video consultation.";

    /** Checks what was sent; throws {@link org.vertebra.form.Invalid} with every problem found. */
    static BookingRequest check(BookingCommand s) {
        Problems problems = new Problems();
        String doctor = problems.required("doctor", "Doctor", s.doctor(), 200);
        Instant start = null;
        if (s.start() == null || s.start().isBlank()) {
            problems.add("start", "Choose a time for the consultation.");
        } else {
            try {
                start = Instant.parse(s.start().strip());
            } catch (DateTimeParseException e) {
                problems.add("start", "The time is not a date and time such as 2026-03-02T09:30:00Z.");
            }
        }
        ZoneId zone = zone(s.zone(), problems);
        String name = problems.required("name", "Name", s.name() == null ? null : s.name().replaceAll("\\s*\\R\\s*", " "), NAME_MAX);
        String email = problems.email("email", "Email address", s.email());
        String phone = problems.required("phone", "Phone number", s.phone(), PHONE_MAX);
        if (phone != null && (!phone.matches("[+0-9 ().-]+") || phone.replaceAll("\\D", "").length() < 6)) {
            problems.add("phone", "The phone number should have at least 6 digits, and only digits, spaces, +, -, ( and ).");
        }
        Integer age = age(s.age(), problems);
        String complaint = problems.required("complaint", "Main complaint", s.complaint(), COMPLAINT_MAX);
        String duration = problems.optional("duration", "How long it has lasted", s.duration(), DURATION_MAX);
        if (duration == null && (s.duration() == null || s.duration().isBlank())) {
            problems.add("duration", "Choose how long it has lasted.");
        }
        List<String> flags = new ArrayList<>();
        for (String flag : s.redFlags()) {
            if (RedFlag.of(flag).isEmpty()) {
                problems.add("redFlags", "Unknown warning sign: " + flag + ".");
            } else if (!flags.contains(flag)) {
                flags.add(flag);
            }
        }
        if (!s.redFlags().isEmpty() && !s.acknowledged()) {
            // The advice sits just above the terms on the form, so its problem goes before theirs.
            problems.add(ACKNOWLEDGED, ACKNOWLEDGE_ADVICE);
        }
        if (!s.consent()) {
            problems.add("consent", "Please read and accept the terms of video consultations.");
        }
        problems.check();
        return new BookingRequest(doctor, start, zone, name, email, phone, new Intake(age, complaint, duration, flags));
    }

    /** A zone name such as Europe/London; empty means UTC. */
    static ZoneId zone(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            problems.add("tz", "Unknown time zone: choose one from the list, such as Europe/London.");
            return null;
        }
    }

    private static Integer age(String value, Problems problems) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add("age", "Enter your age.");
            return null;
        }
        if (!clean.matches("\\d{1,3}") || Integer.parseInt(clean) > 120) {
            problems.add("age", "Enter your age in whole years, from 0 to 120.");
            return null;
        }
        return Integer.parseInt(clean);
    }
}
