package org.vertebra.consult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;
import org.vertebra.form.Problems;
import org.vertebra.web.JsonAnswers;
import org.vertebra.web.Role;

/**
 * The JSON API behind the booking page: /api/v1/consult/doctors, /slots and /bookings.
 *
 * <p>POST /bookings is public, so it must not be a way for another site to book in a visitor's
 * name: it takes only {@code application/json} (a cross-site form cannot send that without the
 * browser asking first, and this site answers no such request), and, as every public form, it is
 * refused when Origin or Referer names another site ({@link Role#PUBLIC_FORM}). It books through the
 * same command and rules as the page ({@link PatientBookings#book(BookingCommand, BookingCommand.Sender)}),
 * so its 422 carries the page's messages; each address may book {@link PatientBookings#PER_HOUR} times an hour.
 * A booking's optional {@code lang} (a BCP 47 tag the site has texts for) is the patient's language:
 * its mails and pages speak it, and the 422's messages are in it; without it the messages stay in
 * English and the booking is in the site's language.
 */
final class ConsultApiRoutes {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public record DoctorJson(String slug, String name, String timeZone) {
    }

    public record SlotJson(String start, String end) {
    }

    public record BookedJson(long id, String start, String end, String videoUrl, String manageUrl) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ErrorsJson(Map<String, String> errors, List<SlotJson> next) {
    }

    private final PatientBookings consult;
    ConsultApiRoutes(PatientBookings consult) {
        this.consult = consult;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/v1/consult/doctors", this::doctors, Role.ANYONE);
        routes.get("/api/v1/consult/slots", this::slots, Role.ANYONE);
        routes.post("/api/v1/consult/bookings", this::book, Role.PUBLIC_FORM);
    }

    private void doctors(Context ctx) {
        send(ctx, 200, consult.doctors().stream().map(d -> new DoctorJson(d.slug(), d.name(), d.zone().getId())).toList());
    }

    private void slots(Context ctx) {
        Problems problems = new Problems();
        Doctor doctor = consult.doctor(ctx.queryParam("doctor")).filter(Doctor::active).orElse(null);
        if (doctor == null) {
            problems.add("doctor", "No such doctor: use a slug from /api/v1/consult/doctors.");
        }
        ZoneId zone = BookingRequest.zone(ctx.queryParam("tz"), problems, consult.text(org.vertebra.language.Language.ENGLISH));
        LocalDate from = date(ctx.queryParam("from"), "from", problems);
        LocalDate to = date(ctx.queryParam("to"), "to", problems);
        if (from != null && to != null && (to.isBefore(from) || from.plusDays(SlotCalendar.MAX_DAYS).isBefore(to))) {
            problems.add("to", "to must be on or after from, and at most " + SlotCalendar.MAX_DAYS + " days later.");
        }
        try {
            problems.check();
        } catch (Invalid invalid) {
            sendErrors(ctx, 400, invalid, List.of());
            return;
        }
        send(ctx, 200, consult.freeSlots(doctor, from, to, zone).stream()
                .map(s -> new SlotJson(s.start().toString(), s.end().toString())).toList());
    }

    private void book(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            sendErrors(ctx, 415, Invalid.of("body", "Send the booking as application/json."), List.of());
            return;
        }
        BookingCommand sent;
        try {
            sent = sent(JSON.readTree(ctx.body()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            sendErrors(ctx, 400, Invalid.of("body", "Send a JSON object with doctor, start, name, email, phone, age, complaint, "
                    + "duration, redFlags, acknowledged (when a red flag is given) and consent."), List.of());
            return;
        }
        try {
            Booked booked = consult.book(sent, BookingCommand.Sender.api(ctx.ip()));
            Booking b = booked.booking();
            ctx.header("Location", booked.manageUrl());
            send(ctx, 201, new BookedJson(b.id(), b.start().toString(), b.end().toString(), booked.videoUrl(), booked.manageUrl()));
        } catch (PatientBookings.TooMany tooMany) {
            sendErrors(ctx, 429, Invalid.of("body", answerIn(sent).get("consult.api.tooMany")), List.of());
        } catch (Invalid invalid) {
            sendErrors(ctx, 422, invalid, List.of());
        } catch (SlotTaken taken) {
            sendErrors(ctx, 409, Invalid.of("start", answerIn(sent).get("consult.api.taken")),
                    taken.next().stream().map(s -> new SlotJson(s.start().toString(), s.end().toString())).toList());
        }
    }

    /**
     * The words of the API's answers to a booking: the language it names, when the site speaks it,
     * else English, as the API answered before bookings had a language (the service tells the
     * command's problems the same way).
     */
    private org.vertebra.language.Messages answerIn(BookingCommand sent) {
        java.util.Optional<org.vertebra.language.Language> named = org.vertebra.language.Language.parse(sent.lang());
        org.vertebra.language.Language lang = named.map(l -> consult.patientLanguage(sent.lang()))
                .filter(l -> l.base().equals(named.get().base())).orElse(org.vertebra.language.Language.ENGLISH);
        return consult.text(lang);
    }

    private static BookingCommand sent(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        List<String> flags = new ArrayList<>();
        JsonNode redFlags = body.path("redFlags");
        if (redFlags.isArray()) {
            redFlags.forEach(f -> flags.add(f.asText()));
        } else if (!redFlags.isMissingNode() && !redFlags.isNull()) {
            throw new IllegalArgumentException("redFlags is not a list");
        }
        return new BookingCommand(text(body, "doctor"), text(body, "start"), text(body, "tz"), text(body, "name"),
                text(body, "email"), text(body, "phone"), text(body, "age"), text(body, "complaint"), text(body, "duration"),
                flags, body.path("acknowledged").asBoolean(false), body.path("consent").asBoolean(false), text(body, "lang"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static LocalDate date(String value, String field, Problems problems) {
        try {
            if (value != null) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(field, field + " must be a date such as 2026-03-02.");
        return null;
    }

    private static void sendErrors(Context ctx, int status, Invalid invalid, List<SlotJson> next) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : invalid.problems()) {
            errors.putIfAbsent(p.field() == null ? "body" : p.field(), p.message());
        }
        send(ctx, status, new ErrorsJson(errors, next.isEmpty() ? null : next));
    }

    private static void send(Context ctx, int status, Object body) {
        JsonAnswers.send(ctx, status, body);
    }
}
