package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** /admin/consult/doctors/ over HTTP: an administrator attaches accounts as doctors and detaches them. */
class DoctorAdminTest {

    private static final String PASSWORD = "a long enough password";
    private static final String PATH = "/admin/consult/doctors/";

    @TempDir
    Path temp;

    private TestServer server;
    private WebClient admin;
    private User doctorAccount;

    @BeforeEach
    void start() {
        server = TestServer.empty(TestDatabase.SQLITE, temp, TestClock.at(ConsultSite.MONDAY_EARLY));
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        doctorAccount = server.site().accounts.addUser("raman@example.org", "Asha Raman", AccountRole.DOCTOR, PASSWORD);
        server.site().accounts.addUser("editor@example.org", "Eddie Editor", AccountRole.EDITOR, PASSWORD);
        admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> attachForm(User account, String name) {
        return new HashMap<>(Map.of("_csrf", admin.csrfToken(PATH), "account", String.valueOf(account.id()), "name", name,
                "credentials", "FRCS (Orth)", "zone", "Asia/Kolkata", "slot", "20"));
    }

    @Test
    void attachesAnAccountThatMayConsultAndPatientsSeeNameAndCredentials() {
        Document page = admin.page(PATH);
        assertThat(page.select("select#account option").eachText())
                .contains("Asha Raman (raman@example.org, Doctor)", "Ada Admin (admin@example.org, Administrator)")
                .noneMatch(t -> t.contains("Eddie Editor"));

        HttpResponse<String> attached = admin.post(PATH, attachForm(doctorAccount, "Dr Asha Raman"));

        assertThat(attached.statusCode()).isEqualTo(303);
        Doctor doctor = server.site().consult.agenda().doctorOfUser(doctorAccount.id()).orElseThrow();
        assertThat(doctor.name()).isEqualTo("Dr Asha Raman");
        assertThat(doctor.credentials()).isEqualTo("FRCS (Orth)");
        assertThat(doctor.zone().getId()).isEqualTo("Asia/Kolkata");
        assertThat(doctor.slotMinutes()).isEqualTo(20);
        assertThat(doctor.active()).isTrue();
        Document after = admin.page(attached.headers().firstValue("Location").orElseThrow());
        assertThat(after.select(".notice").text()).contains("Dr Asha Raman is attached");
        assertThat(after.select("table.consult-doctors tbody th").text()).contains("Dr Asha Raman", "FRCS (Orth)");
        assertThat(after.select("select#account option").eachText()).noneMatch(t -> t.contains("Asha Raman"));
        assertThat(new WebClient(server).page("/teleconsult/").text()).contains("Dr Asha Raman, FRCS (Orth)");
        // The doctor now opens their own schedule.
        WebClient doctorClient = new WebClient(server).signIn("raman@example.org", PASSWORD);
        assertThat(doctorClient.get("/admin/consult/hours/?doctor=" + doctor.id()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesBadValuesAndAnAccountWithoutTheRoleKeepingWhatWasTyped() {
        User editor = server.site().accounts.users().stream().filter(u -> u.role() == AccountRole.EDITOR).findFirst().orElseThrow();
        Map<String, String> form = attachForm(editor, "Dr Eddie <b>Editor</b>");
        form.put("zone", "Mars/Base");
        form.put("slot", "45");

        HttpResponse<String> refused = admin.post(PATH, form);

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".form-error li").eachText()).containsExactly(
                "Eddie Editor's account may not take consultations: give it the role Doctor (or Administrator) under Accounts first.",
                "Choose a time zone from the list.", "A consultation lasts 15, 20 or 30 minutes.");
        assertThat(page.select("input#name").attr("value")).isEqualTo("Dr Eddie <b>Editor</b>");
        assertThat(page.select("input#credentials").attr("value")).isEqualTo("FRCS (Orth)");
        assertThat(refused.body()).doesNotContain("<b>Editor</b>");
        assertThat(server.site().consult.agenda().allDoctors()).isEmpty();

        Map<String, String> noName = attachForm(doctorAccount, " ");
        HttpResponse<String> nameless = admin.post(PATH, noName);
        assertThat(nameless.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(nameless.body()).select("#account option[selected]").attr("value"))
                .isEqualTo(String.valueOf(doctorAccount.id()));
        assertThat(Jsoup.parse(nameless.body()).select("select#zone option[selected]").attr("value")).isEqualTo("Asia/Kolkata");
        assertThat(server.site().consult.agenda().allDoctors()).isEmpty();

        assertThat(admin.post(PATH, attachForm(doctorAccount, "Dr Asha Raman")).statusCode()).isEqualTo(303);
        HttpResponse<String> twice = admin.post(PATH, attachForm(doctorAccount, "Dr Asha Raman again"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("This account is a doctor already, as Dr Asha Raman");
        assertThat(server.site().consult.agenda().allDoctors()).hasSize(1);
    }

    @Test
    void onlyAdministratorsChooseDoctorsAndOnlyWithTheFormsToken() {
        WebClient doctor = new WebClient(server).signIn("raman@example.org", PASSWORD);
        WebClient editor = new WebClient(server).signIn("editor@example.org", PASSWORD);
        Map<String, String> form = attachForm(doctorAccount, "Dr Asha Raman");

        assertThat(doctor.get(PATH).statusCode()).isEqualTo(403);
        assertThat(editor.get(PATH).statusCode()).isEqualTo(403);
        assertThat(new WebClient(server).get(PATH).statusCode()).isIn(302, 303);
        Map<String, String> doctorsOwn = new HashMap<>(form);
        doctorsOwn.put("_csrf", doctor.csrfToken("/admin/consult/"));
        assertThat(doctor.post(PATH, doctorsOwn).statusCode()).isEqualTo(403);
        Map<String, String> forged = new HashMap<>(form);
        forged.put("_csrf", "wrong");
        assertThat(admin.post(PATH, forged).statusCode()).isEqualTo(403);
        assertThat(server.site().consult.agenda().allDoctors()).isEmpty();
    }

    @Test
    void refusesToDetachADoctorWithConsultationsToComeAndDetachesOnceThereAreNone() {
        Doctor doctor = ConsultSite.withHours(server.site(), server.site().consult.agenda().attach(
                new DoctorAgenda.Attach(doctorAccount.id(), "Dr Test", null, ConsultSite.LONDON, 30, null)));
        assertThat(doctor.slug()).isEqualTo("dr-test");
        Booked booked = server.site().consult.bookings().book(ConsultSite.request("2026-03-04T10:00:00Z", "priya@example.org"));
        String token = admin.csrfToken(PATH);

        HttpResponse<String> refused = admin.post(PATH + doctor.id() + "/detach/", Map.of("_csrf", token));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(refused.body()).select(".form-error").text()).contains(
                "Dr Test still has 1 consultation to come (the next on 4 March 2026, 10:00, Europe/London time). Clear the weekly "
                        + "hours");
        assertThat(server.site().consult.agenda().doctor(doctor.id()).orElseThrow().active()).isTrue();

        String query = booked.manageUrl().substring(booked.manageUrl().indexOf('?') + 1);
        assertThat(server.site().consult.bookings().cancel(server.site().consult.bookings().managed(BookingTest.param(query, "b"),
                BookingTest.param(query, "t"), BookingTest.param(query, "s")))).isTrue();
        HttpResponse<String> detached = admin.post(PATH + doctor.id() + "/detach/", Map.of("_csrf", token));

        assertThat(detached.statusCode()).isEqualTo(303);
        Doctor after = server.site().consult.agenda().doctor(doctor.id()).orElseThrow();
        assertThat(after.active()).isFalse();
        assertThat(after.userId()).isNull();
        assertThat(admin.page(detached.headers().firstValue("Location").orElseThrow()).select(".notice").text())
                .contains("Dr Test is detached");
        assertThat(new WebClient(server).page("/teleconsult/").text()).contains("No doctor takes online bookings");
        // The account no longer opens the schedule's consultations; administrators still do.
        WebClient former = new WebClient(server).signIn("raman@example.org", PASSWORD);
        assertThat(former.get("/admin/consult/" + booked.booking().id() + "/").statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/consult/" + booked.booking().id() + "/").statusCode()).isEqualTo(200);
    }
}
