package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.consult.Slot;
import org.vertebra.e2e.Browser.Viewport;

/**
 * A doctor in Chromium: the dashboard's next consultations, the agenda's two-week list and a
 * consultation with an emergency-level warning sign, and the questions before cancelling and
 * moving, each audited with axe-core at the phone and desktop viewports (screenshots in
 * target/screenshots/doctor-*.png).
 */
class DoctorAgendaInBrowserTest {

    private static final String COMPLAINT = "Low back pain for a month";
    private static DoctorInBrowser suite;
    private static ChromeDriver driver;
    private static long urgent;

    @BeforeAll
    static void start() throws IOException {
        suite = DoctorInBrowser.start("doctor");
        driver = suite.driver;
        List<Slot> free = suite.free();
        suite.book(free.get(0), "Sam Patient", "sam@example.org", COMPLAINT, List.of());
        urgent = suite.book(free.get(1), "Priya Shah", "priya@example.org", COMPLAINT, List.of("bladder-bowel", "night-pain"));
        suite.book(free.get(3), "Kim Lee", "kim@example.org", COMPLAINT, List.of("recent-injury"));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
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
        assertThat(suite.server.site().consult.agenda().booking(urgent).orElseThrow().cancelled()).as("asking changed nothing").isFalse();
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        suite.audit(path, name, failures);
    }
}
