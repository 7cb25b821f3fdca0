package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.support.ServerWithSmtp.part;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.DoctorWithSmtp;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestDoctor;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.WebClient;

/**
 * A patient who books in Spanish on an English site: the booking page, the form and its problems,
 * the confirmation, the mails delivered over SMTP (GreenMail) with their invitation, the reminder
 * and the manage page its link opens are in Spanish; the doctor's agenda, in English, says
 * "Spanish". The JSON API answers in the language a booking names, and in English without one.
 */
class PatientLanguageTest {

    private static final String WEDNESDAY = "2026-03-04T10:00:00Z";
    private static final String WHEN_IN_SPANISH = "miércoles, 4 de marzo de 2026, a las 10:00 (hora de Europe/London)";
    private static final String PATIENT = "lucia@example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AutoClose
    private DoctorWithSmtp clinic;
    private TestClock clock;
    private Doctor doctor;

    private void start(TestDatabase kind) {
        clinic = DoctorWithSmtp.start(kind, temp);
        clock = clinic.clock();
        doctor = clinic.doctor();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPatientWhoBooksInSpanishReadsEveryPageMailAndReminderInSpanishAndTheAgendaSaysSo(TestDatabase kind) throws Exception {
        start(kind);
        WebClient patient = new WebClient(clinic.server());

        Document english = patient.page("/teleconsult/");
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        String spanishUrl = english.select("nav.consult-languages a[hreflang=es]").attr("href");
        assertThat(english.select("nav.consult-languages a[hreflang=es]").text()).isEqualTo("Español");
        Document booking = patient.page(spanishUrl);
        assertThat(booking.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(booking.select("h1").text()).isEqualTo("Consultas por videollamada");
        assertThat(booking.select("nav.consult-languages a[hreflang=en]").text()).isEqualTo("English");
        assertThat(booking.select("#day-2026-03-04-title").text()).isEqualTo("Miércoles, 4 de marzo");
        assertThat(booking.select("p.consult-cutoff").text()).startsWith("Puede cambiar o cancelar una consulta en línea hasta ");
        assertThat(booking.text()).contains("Mostrar las horas", "Con Dr Asha Raman, FRCS.", "Horas en London (Hora de Gran Bretaña, UTC+00:00).").doesNotContain("[consult.");
        String slot = booking.select("#day-2026-03-04 a").first().attr("href");
        assertThat(slot).contains("lang=es");

        // A problem on the form: told in Spanish, beside the field, with what was typed kept.
        Map<String, String> form = new LinkedHashMap<>(PublicForm.fields(patient, slot, clock, "doctor", doctor.slug(),
                "tz", "Europe/London", "start", WEDNESDAY, "lang", "es", "name", "Lucía García", "email", PATIENT,
                "phone", "+34 612 345 678", "age", "37", "complaint", "Dolor de espalda al agacharme", "duration", "1 to 4 weeks"));
        form.put("submission", patient.page(slot).select("input[name=submission]").val());
        HttpResponse<String> refused = patient.post("/teleconsult/book/", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(again.select("#form-problems h2").text()).isEqualTo("Hay un problema y no se ha enviado nada");
        assertThat(again.select("#form-problems li").eachText())
                .containsExactly("Lea y acepte las condiciones de las consultas por videollamada.");
        assertThat(again.select("#consent-error").text()).isEqualTo("Error: Lea y acepte las condiciones de las consultas por videollamada.");
        assertThat(again.select("#name").val()).isEqualTo("Lucía García");
        assertThat(again.select("#complaint").text()).isEqualTo("Dolor de espalda al agacharme");
        assertThat(again.select("#duration option[selected]").text()).isEqualTo("De 1 a 4 semanas");
        assertThat(again.select("label[for=consent]").text()).isEqualTo("Acepto estas condiciones de las consultas por videollamada");

        form.put("consent", "yes");
        HttpResponse<String> booked = patient.post("/teleconsult/book/", form);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(303);
        Document confirmation = patient.page(booked.headers().firstValue("Location").orElseThrow());
        assertThat(confirmation.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(confirmation.select("h1").text()).isEqualTo("Su consulta está reservada");
        assertThat(confirmation.text()).contains("Gracias, Lucía García. Su consulta por videollamada con Dr Asha Raman es el "
                + WHEN_IN_SPANISH + ".", "Enviaremos una confirmación con una invitación de calendario a " + PATIENT)
                .doesNotContain("[consult.");

        MimeMessage mail = clinic.delivered(PATIENT, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Reservada: consulta por videollamada el " + WHEN_IN_SPANISH);
        String text = part(mail, "text/plain");
        assertThat(text).startsWith("Estimado/a Lucía García:").contains("Su consulta por videollamada está reservada:",
                WHEN_IN_SPANISH, "con Dr Asha Raman, 30 minutos", "Para cambiarla o cancelarla:");
        String ics = part(mail, "text/calendar");
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY;LANGUAGE=es:Consulta por videollamada con Dr Asha Raman",
                "DESCRIPTION;LANGUAGE=es:Consulta por videollamada con Dr Asha Raman. Enlace: ");

        // The manage page from the mail's link speaks Spanish too, on a site whose language is English.
        String link = text.lines().filter(l -> l.contains("/teleconsult/manage/")).findFirst().orElseThrow().strip();
        String manage = link.substring(link.indexOf("/teleconsult/"));
        Document open = patient.page(manage);
        assertThat(open.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(open.select("h1").text()).isEqualTo("Su consulta");
        assertThat(open.text()).contains("Su consulta por videollamada con Dr Asha Raman es el " + WHEN_IN_SPANISH,
                "Cambiar a otra hora", "Horas libres el ", "Cancelar la consulta")
                .doesNotContain("[consult.");

        // The reminder a day before, in the booking's language.
        clock.advance(Duration.ofHours(29)); // Tuesday 11:00: 23 hours before
        assertThat(clinic.site().consult.jobs().sendDueReminders()).isEqualTo(1);
        MimeMessage reminder = clinic.delivered(PATIENT, 2).get(1);
        assertThat(reminder.getSubject()).isEqualTo("Recordatorio: consulta por videollamada mañana");
        assertThat(part(reminder, "text/plain")).contains("Le recordamos que su consulta por videollamada con Dr Asha Raman empieza mañana, el "
                + WHEN_IN_SPANISH + ".");

        Document closed = patient.page(manage);
        assertThat(closed.text()).contains("Falta menos de 24 horas, así que ya no puede cambiarse ni cancelarse en línea.",
                "Sala de vídeo:").doesNotContain("[consult.", "Cambiar a otra hora");

        // The doctor's agenda, in English, names the patient's language.
        WebClient desk = new WebClient(clinic.server()).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        Document agenda = desk.page("/admin/consult/?doctor=" + doctor.id() + "&date=2026-03-04");
        assertThat(agenda.select("table.consult-agenda tbody tr").text()).contains("Lucía García (Spanish)");
        long id = clinic.site().consult.agenda().agenda(doctor, LocalDate.of(2026, 3, 4)).get(0).id();
        assertThat(desk.page("/admin/consult/" + id + "/").select("dt:contains(language) + dd").text()).isEqualTo("Spanish");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theApiAnswersInTheLanguageABookingNamesAndInEnglishWithoutOne(TestDatabase kind) throws Exception {
        start(kind);
        WebClient client = new WebClient(clinic.server());
        String unconsented = """
                {"doctor":"%s","start":"%s","tz":"Europe/London","name":"Sam Lee","email":"sam@example.org",
                 "phone":"020 7946 0000","age":"30","complaint":"Sore neck","duration":"1 to 4 weeks"%s}""";

        JsonNode english = JSON.readTree(client.postJson("/api/v1/consult/bookings",
                unconsented.formatted(doctor.slug(), WEDNESDAY, ""), Map.of()).body()).get("errors");
        JsonNode spanish = JSON.readTree(client.postJson("/api/v1/consult/bookings",
                unconsented.formatted(doctor.slug(), WEDNESDAY, ",\"lang\":\"es\""), Map.of()).body()).get("errors");
        assertThat(english.get("consent").asText()).isEqualTo("Please read and accept the terms of video consultations.");
        assertThat(spanish.get("consent").asText()).isEqualTo("Lea y acepte las condiciones de las consultas por videollamada.");

        HttpResponse<String> booked = client.postJson("/api/v1/consult/bookings",
                unconsented.formatted(doctor.slug(), WEDNESDAY, ",\"consent\":true"), Map.of());
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        MimeMessage mail = clinic.delivered("sam@example.org", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Booked: video consultation on Wednesday 4 March 2026 at 10:00 (Europe/London time)");
        assertThat(part(mail, "text/calendar")).contains("SUMMARY;LANGUAGE=en:Video consultation with Dr Asha Raman");
        WebClient desk = new WebClient(clinic.server()).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        assertThat(desk.page("/admin/consult/?doctor=" + doctor.id() + "&date=2026-03-04").select("table.consult-agenda tbody tr").text())
                .contains("Sam Lee").doesNotContain("(English)");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theBookingRefusalsOfTheSpamGuardATakenTimeAndTheHourlyLimitAreInThePatientsLanguage(TestDatabase kind) throws Exception {
        start(kind);
        WebClient patient = new WebClient(clinic.server());
        String slot = patient.page("/teleconsult/?lang=es").select("#day-2026-03-04 a").first().attr("href");

        // Sent within the guard's minimum time: the guard's refusal, in Spanish, with the form's shared heading and labels.
        for (String lang : List.of("es", "en")) {
            Document page = patient.page(slot.replace("lang=es", "lang=" + lang));
            Map<String, String> quick = new LinkedHashMap<>(Map.of("ticket", page.select("input[name=ticket]").val(),
                    "homepage", "", "submission", page.select("input[name=submission]").val()));
            quick.putAll(Map.of("doctor", doctor.slug(), "tz", "Europe/London", "start", WEDNESDAY, "lang", lang, "name", "Lucía García",
                    "email", PATIENT, "phone", "+34 612 345 678", "age", "37", "complaint", "Dolor de espalda"));
            quick.putAll(Map.of("duration", "1 to 4 weeks", "consent", "yes"));
            HttpResponse<String> refused = patient.post("/teleconsult/book/", quick);
            assertThat(refused.statusCode()).isEqualTo(422);
            Document again = Jsoup.parse(refused.body());
            if (lang.equals("es")) {
                assertThat(again.select("#form-problems h2").text()).isEqualTo("Hay un problema y no se ha enviado nada");
                assertThat(again.select("#form-problems li").eachText())
                        .containsExactly("Ha sido muy rápido. Revise lo que escribió y envíelo de nuevo.");
            } else {
                assertThat(again.select("#form-problems h2").text()).isEqualTo("There is a problem, and nothing was sent");
                assertThat(again.select("#form-problems li").eachText())
                        .containsExactly("That was very quick. Please check what you wrote and send it again.");
            }
        }

        // The API: a time just taken, then the hourly limit, in the language the booking names and in English without one.
        WebClient client = new WebClient(clinic.server());
        String body = """
                {"doctor":"%s","start":"%s","tz":"Europe/London","name":"Sam Lee","email":"%s",
                 "phone":"020 7946 0000","age":"30","complaint":"Sore neck","duration":"1 to 4 weeks","consent":true%s}""";
        assertThat(client.postJson("/api/v1/consult/bookings", body.formatted(doctor.slug(), WEDNESDAY, "sam@example.org", ""),
                Map.of()).statusCode()).isEqualTo(201);
        HttpResponse<String> taken = client.postJson("/api/v1/consult/bookings",
                body.formatted(doctor.slug(), WEDNESDAY, "ana@example.org", ",\"lang\":\"es\""), Map.of());
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(taken.body()).get("errors").get("start").asText())
                .isEqualTo("Esta hora se acaba de reservar. Elija una de las siguientes horas libres.");
        HttpResponse<String> takenInEnglish = client.postJson("/api/v1/consult/bookings",
                body.formatted(doctor.slug(), WEDNESDAY, "ana@example.org", ""), Map.of());
        assertThat(JSON.readTree(takenInEnglish.body()).get("errors").get("start").asText())
                .isEqualTo("This time was just taken. Choose one of the next free times.");

        for (int i = 0; i < PatientBookings.PER_HOUR; i++) {
            clinic.site().formGuard.record(PatientBookings.FORM, "127.0.0.1");
        }
        HttpResponse<String> tooMany = client.postJson("/api/v1/consult/bookings",
                body.formatted(doctor.slug(), "2026-03-04T11:00:00Z", "ana@example.org", ",\"lang\":\"es\""), Map.of());
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(tooMany.body()).get("errors").get("body").asText())
                .isEqualTo("Demasiadas reservas desde esta dirección en la última hora. Espere un rato.");
        HttpResponse<String> tooManyInEnglish = client.postJson("/api/v1/consult/bookings",
                body.formatted(doctor.slug(), "2026-03-04T11:00:00Z", "ana@example.org", ""), Map.of());
        assertThat(JSON.readTree(tooManyInEnglish.body()).get("errors").get("body").asText())
                .isEqualTo("Too many bookings from this address in the last hour. Please wait a while.");
    }
}
