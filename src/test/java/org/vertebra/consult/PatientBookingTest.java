package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.spam.FormGuard;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The patient's side of a booking over HTTP, as a browser without script sends it: the
 * confirmation at its own address, the same form sent twice, every problem at once, the spam
 * guard and a corrected form, cancelling with a second question, moving to any day, the cut-off.
 */
class PatientBookingTest {

    /** Wednesday 4 March, 10:00 London: two days after the test's Monday morning. */
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
    void theConfirmationHasItsOwnAddressAndReloadingItBooksNothingMore(TestDatabase kind) {
        start(kind);
        HttpResponse<String> booked = patient.post("/teleconsult/book/", form(WEDNESDAY, "priya@example.org"));

        assertThat(booked.statusCode()).isEqualTo(303);
        String confirmation = booked.headers().firstValue("Location").orElseThrow();
        assertThat(confirmation).startsWith("/teleconsult/booked/?b=");
        Document first = patient.page(confirmation);
        Document reload = patient.page(confirmation);
        assertThat(first.select("h1").text()).isEqualTo("Your consultation is booked");
        assertThat(reload.select("main").text()).isEqualTo(first.select("main").text());
        assertThat(first.text()).contains("Wednesday 4 March 2026 at 10:00 (Europe/London time)",
                "We will send a confirmation with a calendar invitation to priya@example.org").doesNotContain("We have sent");
        assertThat(activeOnWednesday()).hasSize(1);
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.BOOKED)).hasSize(1);
        // The address is signed: changed, it opens nothing.
        assertThat(patient.get(confirmation.replace("&s=", "&s=x")).statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameFormSentAgainOrTwiceAtOnceIsOneBookingWithOneConfirmation(TestDatabase kind) throws Exception {
        start(kind);
        Map<String, String> form = form(WEDNESDAY, "priya@example.org");
        String first = patient.post("/teleconsult/book/", form).headers().firstValue("Location").orElseThrow();

        clock.advance(Duration.ofMinutes(3));
        HttpResponse<String> again = patient.post("/teleconsult/book/", form);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains(first);

        // A double tap: both requests at once, from a second form for Thursday.
        Map<String, String> thursday = form("2026-03-05T10:00:00Z", "priya@example.org");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> taps = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new WebClient(server).post("/teleconsult/book/", thursday);
        })).toList();
        go.countDown();
        List<HttpResponse<String>> answers = taps.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(303));
        assertThat(answers.get(0).headers().firstValue("Location")).isEqualTo(answers.get(1).headers().firstValue("Location"));

        assertThat(activeOnWednesday()).hasSize(1);
        assertThat(server.site().consult.agenda().agenda(doctor(), LocalDate.of(2026, 3, 5))).hasSize(1);
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.BOOKED)).hasSize(2);
    }

    @Test
    void aNewFormForATimeThisAddressBookedAlreadySaysSoAndNeverThatSomeoneElseTookIt() {
        start(TestDatabase.SQLITE);
        patient.post("/teleconsult/book/", form(WEDNESDAY, "priya@example.org"));

        HttpResponse<String> second = patient.post("/teleconsult/book/", form(WEDNESDAY, "Priya@Example.org"));

        assertThat(second.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(second.body());
        assertThat(page.select("h1").text()).isEqualTo("You have booked this time already");
        assertThat(page.text()).doesNotContain("someone else").doesNotContain("/teleconsult/manage/");
        assertThat(activeOnWednesday()).hasSize(1);
        // Someone else's form for that time is told it was taken.
        HttpResponse<String> other = patient.post("/teleconsult/book/", form(WEDNESDAY, "sam@example.org"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("just taken by someone else");
    }

    @Test
    void everyProblemIsMarkedAtOnceWithTheAnswersKept() {
        start(TestDatabase.SQLITE);
        Map<String, String> form = form(WEDNESDAY, "not-an-address");
        form.putAll(Map.of("name", "", "phone", "12", "age", "200", "complaint", "", "duration", "", "redFlags", "bladder-bowel"));
        form.remove("consent");
        form.remove("acknowledged");

        HttpResponse<String> response = patient.post("/teleconsult/book/", form);

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        List<String> fields = List.of("name", "email", "phone", "age", "complaint", "duration", "acknowledged", "consent");
        assertThat(page.select(".form-problems a").eachAttr("href")).containsExactlyElementsOf(fields.stream().map(f -> "#" + f).toList());
        for (String field : fields) {
            Element input = page.getElementById(field);
            assertThat(input).as(field).isNotNull();
            assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
            assertThat(input.attr("aria-describedby")).as(field).contains(field + "-error");
            assertThat(page.getElementById(field + "-error")).as(field).isNotNull();
        }
        assertThat(page.select("input#email").val()).isEqualTo("not-an-address");
        assertThat(page.select("input#phone").val()).isEqualTo("12");
        assertThat(page.select("input#age").val()).isEqualTo("200");
        assertThat(page.select("input#flag-bladder-bowel").hasAttr("checked")).isTrue();
        assertThat(page.select("[data-advice]").hasAttr("hidden")).isFalse();
        assertThat(activeOnWednesday()).isEmpty();
    }

    @Test
    void aCorrectedErrorPageSentAtOnceIsNotRefusedAsTooQuick() {
        start(TestDatabase.SQLITE);
        // The guard still refuses a form sent within its minimum time of being shown.
        String path = "/teleconsult/book/?doctor=dr-test&start=" + WEDNESDAY + "&tz=Europe/London";
        Map<String, String> hasty = form(WEDNESDAY, "priya@example.org");
        hasty.put(FormGuard.TICKET, patient.page(path).select("input[name=ticket]").val());
        HttpResponse<String> refused = patient.post("/teleconsult/book/", hasty);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("very quick");

        // Resent one second later from that page: the person read the form already.
        Document tooQuick = Jsoup.parse(refused.body());
        clock.advance(Duration.ofSeconds(1));
        hasty.put(FormGuard.TICKET, tooQuick.select("input[name=ticket]").val());
        hasty.put("name", "");
        HttpResponse<String> problem = patient.post("/teleconsult/book/", hasty);
        assertThat(problem.statusCode()).isEqualTo(422);
        assertThat(problem.body()).doesNotContain("very quick").contains("Name");

        // The name corrected and sent a second later again: booked.
        clock.advance(Duration.ofSeconds(1));
        hasty.put(FormGuard.TICKET, Jsoup.parse(problem.body()).select("input[name=ticket]").val());
        hasty.put("name", "Priya Shah");
        assertThat(patient.post("/teleconsult/book/", hasty).statusCode()).isEqualTo(303);
        assertThat(activeOnWednesday()).hasSize(1);
    }

    @Test
    void anEmergencyWarningSignIsRepeatedFirstOnTheConfirmation() {
        start(TestDatabase.SQLITE);
        Map<String, String> urgent = form(WEDNESDAY, "priya@example.org");
        urgent.put("redFlags", "bladder-bowel");
        urgent.put("acknowledged", "yes");
        Document confirmation = patient.page(patient.post("/teleconsult/book/", urgent).headers().firstValue("Location").orElseThrow());
        assertThat(confirmation.select(".entry-content > *").first().select("h2").text()).isEqualTo("Do not wait for this call");
        assertThat(confirmation.select(".consult-urgent").text()).contains("Call your local emergency number");

        Map<String, String> soon = form("2026-03-05T10:00:00Z", "sam@example.org");
        soon.put("redFlags", "night-pain");
        soon.put("acknowledged", "yes");
        Document plain = patient.page(patient.post("/teleconsult/book/", soon).headers().firstValue("Location").orElseThrow());
        assertThat(plain.select(".consult-urgent")).isEmpty();
    }

    @Test
    void cancellingAsksOnceMoreAndKeepingTheAppointmentChangesNothing() {
        start(TestDatabase.SQLITE);
        String manage = server.site().consult.bookings().book(ConsultSite.request(WEDNESDAY, "priya@example.org")).manageUrl()
                .substring("http://vertebra.test".length());
        Element cancelForm = patient.page(manage).selectFirst("form[action='/teleconsult/manage/cancel/']");
        assertThat(cancelForm.attr("method")).isEqualTo("get");

        Document asked = patient.page("/teleconsult/manage/cancel/?" + fields(cancelForm));
        assertThat(asked.select("h1").text()).isEqualTo("Cancel your consultation?");
        assertThat(asked.select("a.consult-keep").text()).isEqualTo("No, keep my appointment");
        assertThat(asked.select("a.consult-keep").attr("href")).isEqualTo(manage);
        assertThat(patient.page(manage).text()).doesNotContain("is cancelled");

        // A cancel sent without the answer (an old page's form) asks as well.
        Map<String, String> link = new LinkedHashMap<>(Map.of("b", cancelForm.select("input[name=b]").val(),
                "t", cancelForm.select("input[name=t]").val(), "s", cancelForm.select("input[name=s]").val()));
        assertThat(Jsoup.parse(patient.post("/teleconsult/manage/cancel/", link).body()).select("h1").text())
                .isEqualTo("Cancel your consultation?");
        assertThat(activeOnWednesday()).hasSize(1);
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.CANCELLED)).isEmpty();

        link.put("confirm", asked.select("form[method=post] input[name=confirm]").val());
        HttpResponse<String> cancelled = patient.post("/teleconsult/manage/cancel/", link);
        assertThat(Jsoup.parse(cancelled.body()).select("[role=status]").text())
                .isEqualTo("Your consultation is cancelled. We will send you an email to confirm it.");
        assertThat(activeOnWednesday()).isEmpty();
        assertThat(MailOutbox.ofKind(server.site(), ConsultMail.CANCELLED)).hasSize(1);
    }

    @Test
    void movingOffersEveryDayWithinTheHorizonNotOnlyTheNextFiveFreeTimes() {
        start(TestDatabase.SQLITE);
        Booked booked = server.site().consult.bookings().book(ConsultSite.request(WEDNESDAY, "priya@example.org"));
        String manage = booked.manageUrl().substring("http://vertebra.test".length());

        Document page = patient.page(manage);
        List<String> days = page.select("select#day option").eachAttr("value");
        // Weekdays from Monday 2 March to the end of the 30-day horizon; no weekend.
        assertThat(days).startsWith("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09")
                .contains("2026-03-27", "2026-03-31").doesNotContain("2026-03-07", "2026-03-08").hasSize(22);
        assertThat(page.select("select#day option[value=2026-03-04]").text()).isEqualTo("Wednesday 4 March (15 free times)");

        Document friday = patient.page(manage + "&day=2026-03-27");
        assertThat(friday.select("fieldset#start legend").text()).isEqualTo("Free times on Friday 27 March");
        assertThat(friday.select("fieldset#start input[type=radio]").eachAttr("value")).hasSize(16)
                .startsWith("2026-03-27T09:00:00Z").contains("2026-03-27T14:00:00Z");

        Element move = friday.selectFirst("form[action='/teleconsult/manage/move/']");
        Map<String, String> sent = new LinkedHashMap<>(Map.of("b", move.select("input[name=b]").val(),
                "t", move.select("input[name=t]").val(), "s", move.select("input[name=s]").val(), "start", "2026-03-27T14:00:00Z"));
        HttpResponse<String> moved = patient.post("/teleconsult/manage/move/", sent);
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(server.site().consult.agenda().booking(booked.booking().id()).orElseThrow().start()).hasToString("2026-03-27T14:00:00Z");
        assertThat(patient.page(moved.headers().firstValue("Location").orElseThrow()).select("[role=status]").text())
                .isEqualTo("Your consultation is moved to the new time. We will send you an email with a new calendar invitation.");
    }

    @Test
    void theCutoffIsToldBeforeBookingAndTheSameOnTheConfirmationAndTheManagePage() {
        start(TestDatabase.SQLITE);
        assertThat(patient.page("/teleconsult/").select(".consult-cutoff").text())
                .isEqualTo("You can move or cancel a consultation online until 24 hours before it starts.");

        String until = "until 24 hours before it starts, that is until Tuesday 3 March 2026 at 10:00 (Europe/London time).";
        assertThat(intake(WEDNESDAY).select("#cutoff").text()).isEqualTo("You can move or cancel it online " + until);
        Document booked = patient.page(patient.post("/teleconsult/book/", form(WEDNESDAY, "priya@example.org"))
                .headers().firstValue("Location").orElseThrow());
        assertThat(booked.select(".consult-cutoff").text()).isEqualTo("You can move or cancel it online " + until);
        Document manage = patient.page(booked.select("a[href^='/teleconsult/manage/']").attr("href"));
        assertThat(manage.select(".consult-cutoff").text()).isEqualTo("You can move or cancel it online " + until);

        // Today at 14:00, eight hours ahead: told before booking that it cannot change online, and never "until 24 hours before".
        String today = "2026-03-02T14:00:00Z";
        assertThat(intake(today).select("#cutoff").text()).isEqualTo("This time is less than 24 hours away, so once booked it "
                + "cannot be moved or cancelled online. If you then cannot come, please contact us.");
        String soonPath = patient.post("/teleconsult/book/", form(today, "sam@example.org")).headers().firstValue("Location").orElseThrow();
        Document soon = patient.page(soonPath);
        String closed = "It is less than 24 hours away, so it can no longer be moved or cancelled online. If you cannot come, please contact us.";
        assertThat(soon.select(".consult-cutoff").text()).isEqualTo(closed);
        assertThat(soon.text()).doesNotContain("until 24 hours");
        assertThat(soon.select("a[href^='/teleconsult/manage/']")).isEmpty();
        Document soonManage = patient.page(soonPath.replace("/teleconsult/booked/", "/teleconsult/manage/"));
        assertThat(soonManage.select(".consult-cutoff").text()).isEqualTo(closed);
        assertThat(soonManage.select(".consult-manage form")).isEmpty();
    }

    private Document intake(String start) {
        return patient.page("/teleconsult/book/?doctor=dr-test&start=" + start + "&tz=Europe/London");
    }

    /** A complete form from the intake page for this start, with its ticket old enough and its own submission id. */
    private Map<String, String> form(String start, String email) {
        return ConsultSite.bookingForm(patient, clock, start, email);
    }

    private static String fields(Element form) {
        return String.join("&", form.select("input[type=hidden]").stream()
                .map(i -> i.attr("name") + "=" + java.net.URLEncoder.encode(i.val(), java.nio.charset.StandardCharsets.UTF_8)).toList());
    }

    private Doctor doctor() {
        return server.site().consult.agenda().doctor("dr-test").orElseThrow();
    }

    private List<Booking> activeOnWednesday() {
        return ConsultSite.activeOn(server.site(), LocalDate.of(2026, 3, 4));
    }
}
