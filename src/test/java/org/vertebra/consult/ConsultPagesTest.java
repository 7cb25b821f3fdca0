package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The booking page without JavaScript, the JSON API, the patient's link and the doctor's admin, over HTTP. */
class ConsultPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    private TestClock clock;
    private TestServer server;
    private WebClient patient;

    @BeforeEach
    void start() {
        clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        server = TestServer.empty(TestDatabase.SQLITE, temp, clock);
        ConsultSite.doctor(server.site());
        patient = new WebClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void showsAWeekOfFreeTimesInTheChosenZone() {
        Document kolkata = patient.page("/teleconsult/?tz=Asia/Kolkata");
        Document london = patient.page("/teleconsult/?tz=Europe/London");

        assertThat(kolkata.select("h1").text()).isEqualTo("Online video consultations");
        assertThat(kolkata.select("input#tz").attr("value")).isEqualTo("Asia/Kolkata");
        assertThat(kolkata.select(".consult-with").text()).contains("Times in Kolkata (India Time, UTC+05:30)");
        // Monday: notice closes times before 10:00 UTC (15:30 in Kolkata).
        assertThat(kolkata.select("#day-2026-03-02 .consult-slots a").first().text()).isEqualTo("15:30");
        assertThat(london.select("#day-2026-03-03 .consult-slots a").first().text()).isEqualTo("09:00");
        assertThat(london.select("#day-2026-03-07 .consult-none").text()).isEqualTo("No free times");
        assertThat(london.select("#day-2026-03-03 .consult-slots a").first().attr("href"))
                .isEqualTo("/teleconsult/book/?doctor=dr-test&start=2026-03-03T09%3A00%3A00Z&tz=Europe%2FLondon");
        assertThat(patient.get("/teleconsult/?tz=Mars/Base").body()).contains("Unknown time zone");
    }

    @Test
    void redFlagShowsTheAdviceBeforeBookingAndThenBooksWithMail() {
        String path = "/teleconsult/book/?doctor=dr-test&start=2026-03-03T09:00:00Z&tz=Europe/London";
        Map<String, String> form = PublicForm.fields(patient, path, clock, "doctor", "dr-test", "tz", "Europe/London",
                "start", "2026-03-03T09:00:00Z", "name", "Priya Shah", "email", "priya@example.org", "phone", "020 7946 0000",
                "age", "42", "complaint", ConsultSite.COMPLAINT, "duration", "1 to 4 weeks", "redFlags", "leg-numbness",
                "consent", "yes");

        HttpResponse<String> advice = patient.post("/teleconsult/book/", form);
        Document page = Jsoup.parse(advice.body());
        assertThat(advice.statusCode()).isEqualTo(422);
        assertThat(page.select("[data-advice]").hasAttr("hidden")).isFalse();
        assertThat(page.select("[data-advice] h3").text()).isEqualTo("Please consider care in person first");
        assertThat(page.select("textarea#complaint").text()).isEqualTo(ConsultSite.COMPLAINT);
        assertThat(MailOutbox.all(server.site())).isEmpty();

        form.put("acknowledged", "yes");
        form.put("ticket", page.select("input[name=ticket]").attr("value"));
        clock.advance(java.time.Duration.ofSeconds(10));
        HttpResponse<String> booked = patient.post("/teleconsult/book/", form);

        assertThat(booked.statusCode()).isEqualTo(303);
        Document confirmation = patient.page(booked.headers().firstValue("Location").orElseThrow());
        assertThat(confirmation.select("h1").text()).isEqualTo("Your consultation is booked");
        assertThat(confirmation.text()).contains("Tuesday 3 March 2026 at 09:00 (Europe/London time)", "priya@example.org");
        assertThat(confirmation.select(".consult-link a").attr("href")).startsWith("https://meet.jit.si/Vertebra-");
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.BOOKED)).singleElement()
                .satisfies(m -> assertThat(m.recipient()).isEqualTo("priya@example.org"));
    }

    @Test
    void missingConsentKeepsWhatWasTypedAndBooksNothing() {
        String path = "/teleconsult/book/?doctor=dr-test&start=2026-03-03T09:00:00Z&tz=Europe/London";
        Map<String, String> form = PublicForm.fields(patient, path, clock, "doctor", "dr-test", "tz", "Europe/London",
                "start", "2026-03-03T09:00:00Z", "name", "Priya Shah", "email", "priya@example.org", "phone", "020 7946 0000",
                "age", "42", "complaint", "Sore heel", "duration", "1 to 4 weeks");

        HttpResponse<String> response = patient.post("/teleconsult/book/", form);

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".form-problems a[href=#consent]").text()).contains("accept the terms");
        assertThat(page.select("input#name").attr("value")).isEqualTo("Priya Shah");
        assertThat(page.select("select#duration option[selected]").text()).isEqualTo("1 to 4 weeks");
        assertThat(server.site().consult.agenda().agenda(server.site().consult.agenda().doctor("dr-test").orElseThrow(),
                java.time.LocalDate.of(2026, 3, 3))).isEmpty();
    }

    @Test
    void aTimeOutsideTheHoursIsRefusedWithTheNextFreeTimesToChooseFrom() {
        String path = "/teleconsult/book/?doctor=dr-test&start=2026-03-07T10:00:00Z&tz=Europe/London";
        Map<String, String> form = PublicForm.fields(patient, path, clock, "doctor", "dr-test", "tz", "Europe/London",
                "start", "2026-03-07T10:00:00Z", "name", "Priya Shah", "email", "priya@example.org", "phone", "020 7946 0000",
                "age", "42", "complaint", "Sore heel", "duration", "1 to 4 weeks", "consent", "yes");

        HttpResponse<String> response = patient.post("/teleconsult/book/", form);

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".form-problems a[href=#start]").text()).contains("outside the doctor's hours");
        // Seconds after 06:00 the four hours of notice close 10:00; 10:30 is the next free time.
        assertThat(page.select("fieldset#start input[type=radio]").first().attr("value")).isEqualTo("2026-03-02T10:30:00Z");
        assertThat(page.select("input#name").attr("value")).isEqualTo("Priya Shah");
        assertThat(MailOutbox.all(server.site())).isEmpty();
    }

    @Test
    void apiListsDoctorsAndSlotsAndBooksOnceThenAnswersConflict() throws Exception {
        JsonNode doctors = JSON.readTree(patient.get("/api/v1/consult/doctors").body());
        assertThat(doctors.toString()).isEqualTo("[{\"slug\":\"dr-test\",\"name\":\"Dr Test\",\"timeZone\":\"Europe/London\"}]");

        HttpResponse<String> slots = patient.get("/api/v1/consult/slots?doctor=dr-test&from=2026-03-03&to=2026-03-03&tz=Asia/Kolkata");
        assertThat(slots.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(slots.body());
        // 3 March in Kolkata runs from 18:30 UTC on the 2nd: the whole London day of the 3rd (16 slots) falls in it.
        assertThat(list).hasSize(16);
        assertThat(list.get(0).toString()).isEqualTo("{\"start\":\"2026-03-03T09:00:00Z\",\"end\":\"2026-03-03T09:30:00Z\"}");

        String body = """
                {"doctor":"dr-test","start":"2026-03-03T09:00:00Z","name":"Priya Shah","email":"priya@example.org",
                 "phone":"+44 20 7946 0000","age":42,"complaint":"Knee pain","duration":"3 weeks","redFlags":[],"consent":true}""";
        HttpResponse<String> created = patient.postJson("/api/v1/consult/bookings", body, Map.of());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode booking = JSON.readTree(created.body());
        assertThat(booking.get("start").asText()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(booking.get("end").asText()).isEqualTo("2026-03-03T09:30:00Z");
        assertThat(booking.get("videoUrl").asText()).startsWith("https://meet.jit.si/Vertebra-");
        assertThat(booking.get("manageUrl").asText()).startsWith("http://vertebra.test/teleconsult/manage/?b=");

        HttpResponse<String> again = patient.postJson("/api/v1/consult/bookings", body.replace("priya@", "sam@"), Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(again.body());
        assertThat(conflict.get("errors").get("start").asText()).contains("just taken");
        assertThat(conflict.get("next").get(0).get("start").asText()).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void apiRefusesBadInputWithFieldErrors() throws Exception {
        HttpResponse<String> badZone = patient.get("/api/v1/consult/slots?doctor=dr-test&from=2026-03-03&to=2026-03-01&tz=Nowhere/City");
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badZone.body()).get("errors").fieldNames()).toIterable().contains("tz", "to");

        HttpResponse<String> invalid = patient.postJson("/api/v1/consult/bookings",
                "{\"doctor\":\"dr-test\",\"start\":\"2026-03-03T09:00:00Z\",\"consent\":false}", Map.of());
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(invalid.body()).get("errors").fieldNames()).toIterable()
                .contains("name", "email", "phone", "age", "complaint", "duration", "consent");

        assertThat(patient.postJson("/api/v1/consult/bookings", "not json", Map.of()).statusCode()).isEqualTo(400);
        assertThat(patient.post("/api/v1/consult/bookings", Map.of("doctor", "dr-test")).statusCode()).isEqualTo(415);
        assertThat(patient.postJson("/api/v1/consult/bookings", "{}", Map.of("Origin", "https://evil.example")).statusCode())
                .isEqualTo(403);
        assertThat(MailOutbox.all(server.site())).isEmpty();
    }

    @Test
    void manageLinkCancelsAndATamperedLinkIsRefused() throws Exception {
        Booked booked = server.site().consult.bookings().book(ConsultSite.request("2026-03-04T10:00:00Z", "priya@example.org"));
        String path = booked.manageUrl().substring("http://vertebra.test".length());

        Document manage = patient.page(path);
        assertThat(manage.select("form[action='/teleconsult/manage/move/'] input[name=start]")).isNotEmpty();
        HttpResponse<String> tampered = patient.get(path.replace("&s=", "&s=x"));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(tampered.body()).select("h1").text()).isEqualTo("This link is not valid");

        Map<String, String> fields = Map.of("b", manage.select("input[name=b]").first().attr("value"),
                "t", manage.select("input[name=t]").first().attr("value"), "s", manage.select("input[name=s]").first().attr("value"),
                "confirm", "yes");
        HttpResponse<String> cancelled = patient.post("/teleconsult/manage/cancel/", fields);
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(cancelled.body()).select("[role=status]").text()).contains("cancelled");
        assertThat(patient.page(path).text()).contains("is cancelled");
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.CANCELLED)).hasSize(1);
    }

    @Test
    void manageLinkMovesToAnotherFreeTimeAndTheOldLinkIsOutOfDate() {
        Booked booked = server.site().consult.bookings().book(ConsultSite.request("2026-03-04T10:00:00Z", "priya@example.org"));
        String path = booked.manageUrl().substring("http://vertebra.test".length());
        Document manage = patient.page(path);
        String newStart = manage.select("input[name=start]").get(2).attr("value");

        HttpResponse<String> moved = patient.post("/teleconsult/manage/move/", Map.of("b", manage.select("input[name=b]").first().val(),
                "t", manage.select("input[name=t]").first().val(), "s", manage.select("input[name=s]").first().val(), "start", newStart));

        assertThat(moved.statusCode()).isEqualTo(303);
        Document after = patient.page(moved.headers().firstValue("Location").orElseThrow());
        assertThat(after.select("[role=status]").text()).contains("moved to the new time");
        assertThat(server.site().consult.agenda().booking(booked.booking().id()).orElseThrow().start()).hasToString(newStart);
        assertThat(patient.get(path).statusCode()).isEqualTo(410);
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.BOOKED)).hasSize(2);
    }

    @Test
    void doctorSeesOwnAgendaAndEveryOpeningIsLoggedForAdmins() {
        var site = server.site();
        var doctorUser = site.accounts.addUser("doctor@example.org", "Dr Other", AccountRole.DOCTOR, PASSWORD);
        site.accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        Booked booked = site.consult.bookings().book(ConsultSite.request("2026-03-04T10:00:00Z", "priya@example.org"));
        WebClient doctor = new WebClient(server).signIn("doctor@example.org", PASSWORD);

        // This doctor's account has no schedule yet: it may not open Dr Test's consultation.
        assertThat(doctor.get("/admin/consult/" + booked.booking().id() + "/").statusCode()).isEqualTo(403);
        assertThat(doctor.page("/admin/consult/").text()).contains("An administrator attaches doctors");
        assertThat(doctor.get("/admin/consult/log/").statusCode()).isEqualTo(403);

        WebClient admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
        Document agenda = admin.page("/admin/consult/?date=2026-03-04");
        assertThat(agenda.select("table.consult-agenda td a").text()).isEqualTo("Priya Shah");
        Document detail = admin.page("/admin/consult/" + booked.booking().id() + "/");
        assertThat(detail.select(".consult-text").text()).isEqualTo(ConsultSite.COMPLAINT);
        assertThat(detail.text()).contains("Pain at night");

        String csrf = detail.select("input[name=_csrf]").first().attr("value");
        assertThat(admin.post("/admin/consult/" + booked.booking().id() + "/notes/", Map.of("_csrf", csrf, "notes", "Refer to physio"))
                .statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/consult/" + booked.booking().id() + "/status/", Map.of("_csrf", csrf, "status", "no_show"))
                .statusCode()).isEqualTo(303);
        Document after = admin.page("/admin/consult/" + booked.booking().id() + "/");
        assertThat(after.select("textarea#notes").text()).isEqualTo("Refer to physio");
        assertThat(after.text()).contains("No-show");

        Document log = admin.page("/admin/consult/log/");
        assertThat(log.select("tbody tr")).hasSize(2);
        assertThat(log.select("tbody td:nth-child(2)").eachText()).containsOnly("Ada Admin");

        Doctor own = site.consult.agenda().attach(new DoctorAgenda.Attach(doctorUser.id(), "Dr Other", null, ConsultSite.LONDON, 30, null));
        site.consult.agenda().setHours(own.id(), site.consult.agenda().hours(site.consult.agenda().doctor("dr-test").orElseThrow().id()));
        site.consult.bookings().book(new BookingCommand(own.slug(), "2026-03-02T15:00:00Z", "Europe/London",
                "Sam Patient", "sam@example.org", "020 7946 0001", "30", "Wrist pain", "3 weeks", java.util.List.of(), true, true));
        assertThat(doctor.page("/admin/").text()).contains("1 consultation today");
    }

    @Test
    void doctorEditsOwnHoursAndTheBookingPageFollows() {
        var site = server.site();
        var account = site.accounts.addUser("doctor@example.org", "Dr Kolkata", AccountRole.DOCTOR, PASSWORD);
        String id = String.valueOf(site.consult.agenda().attach(new DoctorAgenda.Attach(account.id(), "Dr Kolkata", null,
                ConsultSite.LONDON, 30, null)).id());
        WebClient doctor = new WebClient(server).signIn("doctor@example.org", PASSWORD);
        String csrf = doctor.csrfToken("/admin/consult/");

        Map<String, String> form = new java.util.HashMap<>(Map.of("_csrf", csrf, "doctor", id, "zone", "Asia/Kolkata", "slot", "20",
                "buffer", "10", "notice", "240", "horizon", "30", "monday", "10:00-13:00, 17:00-19:00", "tuesday", "nine to five"));
        HttpResponse<String> refused = doctor.post("/admin/consult/hours/", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("input#tuesday").attr("value")).isEqualTo("nine to five");

        form.put("tuesday", "");
        assertThat(doctor.post("/admin/consult/hours/", form).statusCode()).isEqualTo(200);
        Document week = patient.page("/teleconsult/?doctor=dr-kolkata&tz=Asia/Kolkata&from=2026-03-09");
        assertThat(week.select("#day-2026-03-09 .consult-slots a").eachText())
                .containsExactly("10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "17:00", "17:30", "18:00", "18:30");
        assertThat(week.select("#day-2026-03-10 .consult-none")).hasSize(1);
    }
}
