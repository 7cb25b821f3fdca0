package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.form.Invalid;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Every way to book keeps the same rules, because each builds one {@link BookingCommand} that the
 * service checks: a warning sign ticked without reading its advice is refused by the page's form,
 * by the JSON API and by the service itself, and nothing is booked or mailed; the API's 422 says
 * what the form says, word for word.
 */
class BookingPathsTest {

    /** What the page and the API say in English when a warning sign's advice is not acknowledged. */
    private static final String ACKNOWLEDGE_ADVICE =
            "You ticked a warning sign. Please read the advice below, and tick the box if you still want a video consultation.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEDNESDAY = "2026-03-04T10:00:00Z";

    @TempDir
    Path temp;

    private TestClock clock;
    @AutoClose
    private TestServer server;
    private WebClient patient;

    private void start(TestDatabase kind) {
        clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        server = ConsultSite.serverWithDoctor(kind, temp, clock);
        patient = new WebClient(server);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFormRefusesAnEmergencySignWithoutItsAdviceReadAndBooksNothing(TestDatabase kind) {
        start(kind);
        Map<String, String> form = form();
        form.put("redFlags", "bladder-bowel");

        HttpResponse<String> refused = patient.post("/teleconsult/book/", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select("#form-problems li").eachText())
                .containsExactly(ACKNOWLEDGE_ADVICE);
        assertNothingBooked();

        form.put("acknowledged", "yes");
        assertThat(patient.post("/teleconsult/book/", form).statusCode()).isEqualTo(303);
        assertThat(activeOnWednesday()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theApiRefusesAnEmergencySignWithoutItsAdviceReadAndBooksNothing(TestDatabase kind) throws Exception {
        start(kind);
        String body = apiBody(List.of("bladder-bowel"), null, true);

        HttpResponse<String> refused = patient.postJson("/api/v1/consult/bookings", body, Map.of());

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.fieldNames()).toIterable().containsExactly("acknowledged");
        assertThat(errors.get("acknowledged").asText()).isEqualTo(ACKNOWLEDGE_ADVICE);
        assertNothingBooked();

        HttpResponse<String> booked = patient.postJson("/api/v1/consult/bookings", apiBody(List.of("bladder-bowel"), true, true),
                Map.of());
        assertThat(booked.statusCode()).isEqualTo(201);
        assertThat(activeOnWednesday()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theServiceRefusesItForACallerThatBuildsTheCommandItself(TestDatabase kind) {
        start(kind);
        BookingCommand s = ConsultSite.sent(WEDNESDAY, "priya@example.org");
        BookingCommand unacknowledged = new BookingCommand(s.doctor(), s.start(), s.zone(), s.name(), s.email(), s.phone(), s.age(),
                s.complaint(), s.duration(), List.of("leg-numbness"), false, true);

        assertThatThrownBy(() -> server.site().consult.bookings().book(unacknowledged))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems())
                        .extracting(p -> p.field()).containsExactly(BookingRequest.ACKNOWLEDGED));
        assertThatThrownBy(() -> server.site().consult.bookings().book(unacknowledged, BookingCommand.Sender.api("192.0.2.7")))
                .isInstanceOf(Invalid.class);
        assertNothingBooked();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theApiAnswersWithTheFormsOwnMessagesForTheSameMistakes(TestDatabase kind) throws Exception {
        start(kind);
        Map<String, String> form = form();
        form.put("redFlags", "recent-injury");
        form.remove("consent");
        form.put("phone", "call me");
        form.put("age", "200");

        List<String> onTheForm = Jsoup.parse(patient.post("/teleconsult/book/", form).body()).select("#form-problems li").eachText();
        String body = apiBody(List.of("recent-injury"), null, false).replace("\"020 7946 0000\"", "\"call me\"")
                .replace("\"age\":\"42\"", "\"age\":\"200\"");
        JsonNode errors = JSON.readTree(patient.postJson("/api/v1/consult/bookings", body, Map.of()).body()).get("errors");

        List<String> fromTheApi = new java.util.ArrayList<>();
        errors.forEach(e -> fromTheApi.add(e.asText()));
        assertThat(fromTheApi).hasSize(4).containsExactlyElementsOf(onTheForm);
        assertThat(errors.fieldNames()).toIterable().containsExactly("phone", "age", "acknowledged", "consent");
        assertNothingBooked();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theApiKeepsTheHourlyLimitPerAddress(TestDatabase kind) throws Exception {
        start(kind);
        for (int i = 0; i < PatientBookings.PER_HOUR; i++) {
            server.site().formGuard.record(PatientBookings.FORM, "127.0.0.1");
        }
        HttpResponse<String> refused = patient.postJson("/api/v1/consult/bookings", apiBody(List.of(), null, true), Map.of());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).get("errors").get("body").asText()).isEqualTo(PatientBookings.TooMany.MESSAGE);
        assertNothingBooked();
    }

    private Map<String, String> form() {
        return ConsultSite.bookingForm(patient, clock, WEDNESDAY, "priya@example.org");
    }

    private static String apiBody(List<String> flags, Boolean acknowledged, boolean consent) {
        return "{\"doctor\":\"dr-test\",\"start\":\"" + WEDNESDAY + "\",\"tz\":\"Europe/London\",\"name\":\"Priya Shah\","
                + "\"email\":\"priya@example.org\",\"phone\":\"020 7946 0000\",\"age\":\"42\",\"complaint\":\"Knee pain\","
                + "\"duration\":\"1 to 4 weeks\",\"redFlags\":[" + String.join(",", flags.stream().map(f -> "\"" + f + "\"").toList())
                + "]" + (acknowledged == null ? "" : ",\"acknowledged\":" + acknowledged) + ",\"consent\":" + consent + "}";
    }

    private void assertNothingBooked() {
        assertThat(activeOnWednesday()).isEmpty();
        assertThat(MailOutbox.all(server.site())).isEmpty();
    }

    private List<Booking> activeOnWednesday() {
        return ConsultSite.activeOn(server.site(), LocalDate.of(2026, 3, 4));
    }
}
