package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.access.AccountRole;
import org.vertebra.consult.BookingCommand;
import org.vertebra.consult.DoctorAgenda;
import org.vertebra.consult.Slot;
import org.vertebra.consult.WeeklyHours;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * A doctor in Chromium: the dashboard's next consultations, the agenda's two-week list and a
 * consultation with an emergency-level warning sign, and the questions before cancelling and
 * moving, each audited with axe-core at the phone and desktop viewports (screenshots in
 * target/screenshots/doctor-*.png).
 */
class DoctorAgendaInBrowserTest {

    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;
    private static long urgent;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-doctor"), Clock.systemUTC());
        var site = server.site();
        var user = site.accounts.addUser("asha@clinic.example", "Dr Asha Raman", AccountRole.DOCTOR, PASSWORD);
        var doctor = site.consult.agenda().attach(new DoctorAgenda.Attach(user.id(), "Dr Asha Raman", "FRCS (Orth)",
                ZoneId.of("Europe/London"), 30, null));
        // Every day, so the test finds free times whatever day it runs.
        site.consult.agenda().setHours(doctor.id(), Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklyHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
        List<Slot> free = site.consult.bookings().nextFree(doctor);
        book(doctor.slug(), free.get(0), "Sam Patient", "sam@example.org", List.of());
        urgent = book(doctor.slug(), free.get(1), "Priya Shah", "priya@example.org", List.of("bladder-bowel", "night-pain"));
        book(doctor.slug(), free.get(3), "Kim Lee", "kim@example.org", List.of("recent-injury"));
        SignIn.withPassword(driver, "http://localhost:" + server.server().port(), "asha@clinic.example", PASSWORD);
    }

    private static long book(String doctor, Slot slot, String name, String email, List<String> flags) {
        return server.site().consult.bookings().book(new org.vertebra.consult.BookingCommand(doctor, slot.start().toString(),
                "Europe/London", name, email, "020 7946 0001", "50", "Low back pain for a month", "1 to 4 weeks", flags, true, true))
                .booking().id();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAgendaListAndAnEmergencyConsultationPassTheAuditAtBothViewports() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String suffix = "-" + viewport.name().toLowerCase();
            audit("/admin/", "doctor-dashboard" + suffix, failures);
            assertThat(driver.findElement(By.cssSelector(".dashboard-panel .flag-emergency")).getText())
                    .isEqualTo("⚠ Emergency warning sign");
            audit("/admin/consult/?view=list", "doctor-agenda-list" + suffix, failures);
            assertThat(driver.findElements(By.cssSelector("table.consult-agenda tbody tr"))).hasSize(3);
            assertThat(driver.findElement(By.cssSelector("tr.emergency .urgency")).getText()).isEqualTo("⚠ Emergency warning sign");
            audit("/admin/consult/", "doctor-agenda-day" + suffix, failures);
            audit("/admin/consult/" + urgent + "/", "doctor-detail-emergency" + suffix, failures);
            assertThat(driver.findElement(By.cssSelector(".urgency-banner")).getText()).contains("Emergency warning sign",
                    "contact the patient now");
            driver.findElement(By.linkText("Cancel the consultation")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/cancel/"));
            audit(null, "doctor-cancel-question" + suffix, failures);
            driver.findElement(By.linkText("No, keep it")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/" + urgent + "/"));
            driver.findElement(By.linkText("Move to another time")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/move/"));
            audit(null, "doctor-move-times" + suffix, failures);
            driver.findElement(By.cssSelector(".consult-move-times a")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("/move/?start="));
            audit(null, "doctor-move-question" + suffix, failures);
            audit("/admin/consult/agenda-mail/", "doctor-agenda-mail" + suffix, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(server.site().consult.agenda().booking(urgent).orElseThrow().cancelled()).as("asking changed nothing").isFalse();
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        if (path != null) {
            driver.get("http://localhost:" + server.server().port() + path);
        }
        axe.audit(driver, name, name, failures);
    }
}
