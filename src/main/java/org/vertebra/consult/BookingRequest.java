package org.vertebra.consult;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.vertebra.form.Problems;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;

/**
 * A {@link BookingCommand} checked: every problem is reported at once, in the order of the form,
 * under the API's field names ({@code doctor}, {@code start}, {@code name}, ... {@code consent}),
 * in the language the command asked for ({@code text}), so a patient corrects the form in one go.
 * Only {@link PatientBookings} makes one, so that no way of booking skips a check.
 *
 * @param lang the language the booking is made in
 * @param text the texts problems found later (by the doctor's rules) are told in
 */
record BookingRequest(String doctor, Instant start, ZoneId zone, String name, String email, String phone,
                      Intake intake, Language lang, Messages text) {

    private static final int NAME_MAX = BookingCommand.NAME_MAX;
    private static final int COMPLAINT_MAX = BookingCommand.COMPLAINT_MAX;
    private static final int DURATION_MAX = BookingCommand.DURATION_MAX;
    private static final int PHONE_MAX = BookingCommand.PHONE_MAX;
    private static final int EMAIL_MAX = Problems.EMAIL_MAX;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** The problem's field when a warning sign is ticked and its advice not acknowledged. */
    static final String ACKNOWLEDGED = "acknowledged";

    /** Checks what was sent; throws {@link org.vertebra.form.Invalid} with every problem found, told in {@code text}'s language. */
    static BookingRequest check(BookingCommand s, Language lang, Messages text) {
        Problems problems = new Problems();
        Fields fields = new Fields(problems, text);
        String doctor = fields.required("doctor", s.doctor(), 200);
        Instant start = null;
        if (s.start() == null || s.start().isBlank()) {
            problems.add("start", text.get("consult.problem.start"));
        } else {
            try {
                start = Instant.parse(s.start().strip());
            } catch (DateTimeParseException e) {
                problems.add("start", text.get("consult.problem.startForm"));
            }
        }
        ZoneId zone = zone(s.zone(), problems, text);
        String name = fields.required("name", s.name() == null ? null : s.name().replaceAll("\\s*\\R\\s*", " "), NAME_MAX);
        String email = fields.required("email", s.email(), EMAIL_MAX);
        if (email != null && email.length() <= EMAIL_MAX && !EMAIL.matcher(email).matches()) {
            problems.add("email", text.get("consult.problem.emailForm"));
        }
        String phone = fields.required("phone", s.phone(), PHONE_MAX);
        if (phone != null && (!phone.matches("[+0-9 ().-]+") || phone.replaceAll("\\D", "").length() < 6)) {
            problems.add("phone", text.get("consult.problem.phoneForm"));
        }
        Integer age = age(s.age(), problems, text);
        String complaint = fields.required("complaint", s.complaint(), COMPLAINT_MAX);
        String duration = fields.optional("duration", s.duration(), DURATION_MAX);
        if (duration == null && (s.duration() == null || s.duration().isBlank())) {
            problems.add("duration", text.get("consult.problem.duration"));
        }
        List<String> flags = new ArrayList<>();
        for (String flag : s.redFlags()) {
            if (RedFlag.of(flag).isEmpty()) {
                problems.add("redFlags", text.format("consult.problem.flag", flag));
            } else if (!flags.contains(flag)) {
                flags.add(flag);
            }
        }
        if (!s.redFlags().isEmpty() && !s.acknowledged()) {
            // The advice sits just above the terms on the form, so its problem goes before theirs.
            problems.add(ACKNOWLEDGED, text.get("consult.problem.acknowledge"));
        }
        if (!s.consent()) {
            problems.add("consent", text.get("consult.problem.consent"));
        }
        problems.check();
        return new BookingRequest(doctor, start, zone, name, email, phone, new Intake(age, complaint, duration, flags), lang, text);
    }

    /** A zone name such as Europe/London; empty means UTC. */
    static ZoneId zone(String value, Problems problems, Messages text) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            problems.add("tz", text.get("consult.problem.zone"));
            return null;
        }
    }

    private static Integer age(String value, Problems problems, Messages text) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            problems.add("age", text.get("consult.problem.age"));
            return null;
        }
        if (!clean.matches("\\d{1,3}") || Integer.parseInt(clean) > 120) {
            problems.add("age", text.get("consult.problem.ageRange"));
            return null;
        }
        return Integer.parseInt(clean);
    }

    /**
     * The text fields' common checks (length, characters that cannot be shown, empty), as the form
     * package's {@link Problems} makes them, but told in the booking's language: a field's name is
     * {@code consult.label.FIELD}, its "enter it" message {@code consult.problem.empty.FIELD}.
     */
    private record Fields(Problems problems, Messages text) {

        String optional(String field, String value, int max) {
            String clean = value == null ? "" : value.strip();
            if (clean.length() > max) {
                problems.add(field, text.format("consult.problem.tooLong", text.get("consult.label." + field), max));
            } else if (CONTROL.matcher(clean).find()) {
                problems.add(field, text.format("consult.problem.control", text.get("consult.label." + field)));
            }
            return clean.isEmpty() ? null : clean;
        }

        String required(String field, String value, int max) {
            String clean = optional(field, value, max);
            if (clean == null) {
                problems.add(field, text.get("consult.problem.empty." + field));
            }
            return clean;
        }
    }
}
