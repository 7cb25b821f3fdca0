package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestDoctor;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The doctor's side over HTTP: the agenda opens on the next day with a consultation and lists the
 * coming two weeks; an emergency-level warning sign stands out, in words, in the agenda, on the
 * detail page and in the dashboard's next consultations; the doctor cancels and moves a
 * consultation after a second question, and the patient is mailed with the calendar update.
 */
class DoctorDeskTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    @AutoClose
    private TestServer server;
    private Doctor doctor;
    private WebClient web;

    private void start(TestDatabase kind) {
        server = TestServer.empty(kind, temp, TestClock.at(ConsultSite.MONDAY_EARLY));
        doctor = TestDoctor.onWeekdays(server.site(), "FRCS");
        web = new WebClient(server).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAgendaOpensOnTheNextDayWithAConsultationAndListsTheComingTwoWeeks(TestDatabase kind) {
        start(kind);
        long wednesday = book("2026-03-04T10:00:00Z", "sam@example.org", List.of()).booking().id();
        long urgent = book("2026-03-06T14:00:00Z", "priya@example.org", List.of("bladder-bowel", "night-pain")).booking().id();
        book("2026-03-05T09:00:00Z", "kim@example.org", List.of("recent-injury"));
        book("2026-03-20T09:00:00Z", "lee@example.org", List.of()); // beyond the two weeks
        long cancelled = book("2026-03-04T11:00:00Z", "ann@example.org", List.of()).booking().id();
        server.site().consult.agenda().cancelByClinic(cancelled, 0, "Test");

        Document opening = web.page("/admin/consult/");
        assertThat(opening.select("h2").first().text()).startsWith("Wednesday 4 March 2026");
        assertThat(opening.select("[role=status]").text()).isEqualTo("No consultations today. This is the next day with one.");
        assertThat(opening.select("table.consult-agenda tbody tr")).hasSize(2);
        assertThat(opening.select("table.consult-agenda a[href='/admin/consult/" + wednesday + "/']").text()).isEqualTo("Sam Patient");
        assertThat(opening.select(".consult-views a[aria-current=page]").text()).isEqualTo("One day");

        Document list = web.page(opening.select(".consult-views a:not([aria-current])").attr("href"));
        assertThat(list.select(".consult-views a[aria-current=page]").text()).isEqualTo("The coming two weeks");
        assertThat(list.select("h3").eachText()).containsExactly("Wednesday 4 March 2026", "Thursday 5 March 2026",
                "Friday 6 March 2026");
        assertThat(list.select("table.consult-agenda tbody tr")).hasSize(4);
        Element emergencyRow = list.select("tr.emergency").first();
        assertThat(emergencyRow).isNotNull();
        assertThat(emergencyRow.select("a").attr("href")).isEqualTo("/admin/consult/" + urgent + "/");
        assertThat(emergencyRow.select(".urgency.flag-emergency").text()).isEqualTo("⚠ Emergency warning sign");
        assertThat(list.select(".urgency.flag-soon").text()).isEqualTo("! Warning sign: to be seen within days");
        assertThat(list.select("tr.cancelled .urgency")).isEmpty();
        assertThat(web.page("/admin/consult/?date=2026-03-02").text()).contains("No consultations on this day.");

        Document detail = web.page("/admin/consult/" + urgent + "/");
        assertThat(detail.select(".urgency-banner .urgency.flag-emergency").text()).isEqualTo("⚠ Emergency warning sign");
        assertThat(detail.select(".consult-flags li").eachText()).containsExactly(
                "⚠ Emergency warning sign: New problems controlling your bladder or bowel, or numbness between the legs",
                "! Warning sign: Pain at night that does not ease when you rest or change position");
        assertThat(web.page("/admin/consult/" + wednesday + "/").select(".urgency-banner")).isEmpty();

        Document dashboard = web.page("/admin/");
        Element panel = dashboard.select("section.dashboard-panel").first();
        assertThat(panel.select("h2").text()).isEqualTo("Next consultations");
        assertThat(panel.select("li").eachText()).containsExactly("Wed 4 Mar, 10:00 (Europe/London): Sam Patient",
                "Thu 5 Mar, 09:00 (Europe/London): Kim Patient ! Warning sign: to be seen within days",
                "Fri 6 Mar, 14:00 (Europe/London): Priya Shah ⚠ Emergency warning sign",
                "Fri 20 Mar, 09:00 (Europe/London): Lee Patient");
        assertThat(panel.select("li .flag-emergency")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDoctorCancelsAfterASecondQuestionAndThePatientIsMailedTheCancellation(TestDatabase kind) {
        start(kind);
        long id = book("2026-03-04T10:00:00Z", "priya@example.org", List.of()).booking().id();
        Document detail = web.page("/admin/consult/" + id + "/");
        String cancelUrl = detail.select(".consult-change a:contains(Cancel)").attr("href");

        Document question = web.page(cancelUrl);
        assertThat(question.select("h1").text()).isEqualTo("Cancel the consultation?");
        assertThat(server.site().consult.agenda().booking(id).orElseThrow().cancelled()).as("asking cancels nothing").isFalse();
        String csrf = question.select("input[name=_csrf]").attr("value");
        HttpResponse<String> done = web.post(cancelUrl, Map.of("_csrf", csrf));

        assertThat(done.statusCode()).isEqualTo(303);
        Document after = web.page(done.headers().firstValue("Location").orElseThrow());
        assertThat(after.select("[role=status]").text()).startsWith("The consultation is cancelled.");
        assertThat(after.text()).contains("Cancelled");
        assertThat(server.site().consult.agenda().booking(id).orElseThrow().cancelled()).isTrue();
        MailOutbox.Mail mail = MailOutbox.ofKind(server.site(), ConsultMail.CANCELLED).get(0);
        assertThat(mail.recipient()).isEqualTo("priya@example.org");
        assertThat(mail.subject()).startsWith("Cancelled by the clinic:");
        assertThat(mail.text()).contains("http://vertebra.test/teleconsult/");
        assertThat(CalendarFilesTest.calendarFiles(server.site()).get(1).ics()).contains("METHOD:CANCEL", "SEQUENCE:1");
        assertThat(MailOutbox.ofKind(server.site(), DoctorNotice.CANCELLED)).as("the doctor did it").isEmpty();
        assertThat(web.post(cancelUrl, Map.of("_csrf", csrf)).statusCode()).as("cancelled already").isEqualTo(409);

        // An administrator's cancellation is news to the doctor.
        User admin = server.site().accounts.addUser("ada@clinic.example", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        long other = book("2026-03-05T10:00:00Z", "sam@example.org", List.of()).booking().id();
        assertThat(server.site().consult.agenda().cancelByClinic(other, admin.id(), admin.name())).isTrue();
        assertThat(MailOutbox.ofKind(server.site(), DoctorNotice.CANCELLED)).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(TestDoctor.EMAIL);
            assertThat(m.text()).contains("was cancelled by Ada Admin", "http://vertebra.test/admin/consult/" + other + "/")
                    .doesNotContain("Sam", "sam@example.org");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDoctorMovesToAFreeTimeAfterASecondQuestionAndThePatientIsMailedTheNewTime(TestDatabase kind) {
        start(kind);
        long id = book("2026-03-04T10:00:00Z", "priya@example.org", List.of()).booking().id();
        book("2026-03-04T10:30:00Z", "sam@example.org", List.of());
        Document choose = web.page("/admin/consult/" + id + "/move/");
        assertThat(choose.select("h1").text()).isEqualTo("Move the consultation to another time");
        List<String> times = choose.select(".consult-move-times a").eachAttr("href");
        assertThat(times).doesNotContain("/admin/consult/" + id + "/move/?start=2026-03-04T10:30:00Z")
                .contains("/admin/consult/" + id + "/move/?start=2026-03-05T15:00:00Z");

        Document question = web.page("/admin/consult/" + id + "/move/?start=2026-03-05T15:00:00Z");
        assertThat(question.select("h1").text()).isEqualTo("Move the consultation?");
        assertThat(question.select(".consult-facts").text()).contains("Thursday 5 March 2026 at 15:00");
        assertThat(server.site().consult.agenda().booking(id).orElseThrow().start()).isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
        String csrf = question.select("input[name=_csrf]").attr("value");
        HttpResponse<String> taken = web.post("/admin/consult/" + id + "/move/", Map.of("_csrf", csrf, "start",
                "2026-03-04T10:30:00Z"));
        assertThat(taken.statusCode()).isEqualTo(409);
        HttpResponse<String> moved = web.post("/admin/consult/" + id + "/move/", Map.of("_csrf", csrf, "start",
                question.select("input[name=start]").attr("value")));

        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(web.page(moved.headers().firstValue("Location").orElseThrow()).select("[role=status]").text())
                .startsWith("The consultation is moved.");
        assertThat(server.site().consult.agenda().booking(id).orElseThrow().start()).isEqualTo(Instant.parse("2026-03-05T15:00:00Z"));
        List<MailOutbox.Mail> patientMails = MailOutbox.ofKind(server.site(), ConsultMail.BOOKED).stream()
                .filter(m -> m.recipient().equals("priya@example.org")).toList();
        assertThat(patientMails).hasSize(2);
        assertThat(patientMails.get(1).subject()).isEqualTo("Moved: video consultation on Thursday 5 March 2026 at 20:30 (Asia/Kolkata time)");
        assertThat(patientMails.get(1).text()).contains("http://vertebra.test/teleconsult/manage/");
        assertThat(CalendarFilesTest.calendarFiles(server.site())).filteredOn(f -> f.ics().contains("priya@example.org"))
                .extracting(f -> f.ics().contains("SEQUENCE:1") && f.ics().contains("DTSTART:20260305T150000Z"))
                .containsExactly(false, true);
    }

    private Booked book(String start, String email, List<String> flags) {
        BookingCommand s = ConsultSite.sent(start, email);
        String name = switch (email) {
            case "priya@example.org" -> "Priya Shah";
            default -> Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('@')) + " Patient";
        };
        return server.site().consult.bookings().book(new BookingCommand(doctor.slug(), s.start(), s.zone(), name,
                s.email(), s.phone(), s.age(), s.complaint(), s.duration(), flags, true, true));
    }
}
