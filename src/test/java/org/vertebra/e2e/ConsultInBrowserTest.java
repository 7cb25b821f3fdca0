package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.vertebra.consult.WeeklyHours;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.spam.FormGuard;
import org.vertebra.support.ServerWithSmtp;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * A patient in Chromium books a video consultation, ticks a warning sign and sees the advice at
 * once, gets the confirmation mail with its calendar invitation (GreenMail), opens the cancel link
 * from it and cancels; the booking page, the advice, the confirmation and the manage page pass the
 * accessibility audit at both viewports.
 */
class ConsultInBrowserTest {

    private static final String PATIENT = "priya@example.org";

    @AutoClose
    private static ServerWithSmtp withSmtp;
    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        withSmtp = ServerWithSmtp.start(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-consult"), Clock.systemUTC());
        server = withSmtp.server();
        var consult = server.site().consult;
        var doctor = consult.agenda().addDoctor("asha-raman", "Dr Asha Raman", ZoneId.of("Europe/London"), 30, null, null);
        // Every day, so the test finds free times whatever day it runs.
        consult.agenda().setHours(doctor.id(), Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklyHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
    }

    @Test
    void theDoctorsAdminPagesPassTheAuditAtBothViewports() {
        var site = server.site();
        site.accounts.addUser("admin@example.org", "Ada Admin", org.vertebra.access.AccountRole.ADMIN, "a long enough password");
        site.accounts.addUser("okafor@example.org", "Chidi Okafor", org.vertebra.access.AccountRole.DOCTOR, "a long enough password");
        var doctor = site.consult.agenda().doctor("asha-raman").orElseThrow();
        var slot = site.consult.bookings().nextFree(doctor).get(0);
        var booked = site.consult.bookings().book(new org.vertebra.consult.BookingCommand(
                "asha-raman", slot.start().toString(), "Europe/London", "Sam Patient", "sam@example.org", "020 7946 0001", "30",
                "Wrist pain after a fall", "1 to 4 weeks", List.of("recent-injury"), true, true));
        site.consult.agenda().saveNotes(booked.booking().id(), "Advised an X-ray in person.");
        SignIn.withPassword(driver, "http://localhost:" + server.server().port(), "admin@example.org", "a long enough password");
        String date = slot.start().atZone(ZoneId.of("Europe/London")).toLocalDate().toString();
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String suffix = "-" + viewport.name().toLowerCase();
            audit("/admin/consult/?doctor=" + doctor.id() + "&date=" + date, "admin-agenda" + suffix, failures);
            audit("/admin/consult/" + booked.booking().id() + "/", "admin-detail" + suffix, failures);
            audit("/admin/consult/hours/?doctor=" + doctor.id(), "admin-hours" + suffix, failures);
            audit("/admin/consult/log/", "admin-log" + suffix, failures);
            audit("/admin/consult/doctors/", "admin-doctors" + suffix, failures);
            // Attach without a name: the form comes back with its problems.
            new Select(driver.findElement(By.id("account"))).selectByVisibleText("Chidi Okafor (okafor@example.org, Doctor)");
            driver.findElement(By.cssSelector("form[action='/admin/consult/doctors/'] button")).click();
            waitUntil(() -> !driver.findElements(By.cssSelector(".form-error")).isEmpty());
            assertThat(driver.findElement(By.id("account")).getAttribute("value")).isNotEmpty();
            audit(null, "admin-doctors-problem" + suffix, failures);
            // Detaching a doctor with a consultation to come is refused with the reason.
            driver.findElement(By.cssSelector("form[action$='/detach/'] button")).click();
            waitUntil(() -> driver.findElement(By.tagName("body")).getText().contains("Clear the weekly hours"));
            audit(null, "admin-doctors-refused" + suffix, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        driver.manage().deleteAllCookies();
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    @Test
    void aPatientBooksGetsTheMailAndCancelsWithItsLink() throws Exception {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        Browser.resize(driver, Viewport.DESKTOP);
        audit("/teleconsult/?tz=Asia/Kolkata", "booking-desktop", failures);
        assertThat(driver.findElement(By.id("tz")).getAttribute("value")).isEqualTo("Asia/Kolkata");
        // Two days ahead: well before the cut-off, so the link may still cancel it.
        driver.findElement(By.cssSelector("#slots .consult-day:nth-child(3) .consult-slots a")).click();
        waitUntil(() -> driver.getCurrentUrl().contains("/teleconsult/book/"));
        driver.findElement(By.id("name")).sendKeys("Priya Shah");
        driver.findElement(By.id("email")).sendKeys(PATIENT);
        driver.findElement(By.id("phone")).sendKeys("+91 98765 43210");
        driver.findElement(By.id("age")).sendKeys("42");
        driver.findElement(By.id("complaint")).sendKeys("Aching left knee when climbing stairs");
        new Select(driver.findElement(By.id("duration"))).selectByVisibleText("1 to 4 weeks");
        assertThat(driver.findElement(By.cssSelector("[data-advice]")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("label[for='flag-night-pain']")).click();
        waitUntil(() -> driver.findElement(By.cssSelector("[data-advice]")).isDisplayed());
        audit(null, "red-flag-desktop", failures);
        driver.findElement(By.cssSelector("label[for='acknowledged']")).click();
        driver.findElement(By.cssSelector("label[for='consent']")).click();
        Thread.sleep(FormGuard.MINIMUM_TIME.plusMillis(500).toMillis());
        driver.findElement(By.cssSelector("form[data-intake-form] button[type=submit]")).click();
        waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Your consultation is booked"));
        audit(null, "booked-desktop", failures);
        assertThat(driver.getCurrentUrl()).contains("/teleconsult/booked/?b=");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("(Asia/Kolkata time)", PATIENT);
        // A reload (or a phone restoring the tab) shows the same booking and sends nothing again.
        String shown = driver.findElement(By.tagName("main")).getText();
        driver.navigate().refresh();
        waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Your consultation is booked"));
        assertThat(driver.findElement(By.tagName("main")).getText()).isEqualTo(shown);
        assertThat(server.site().consult.jobs().export(PATIENT)).hasSize(1);

        MimeMessage mail = withSmtp.first(m -> ServerWithSmtp.isTo(m, PATIENT), "the patient's confirmation");
        assertThat(mail.getSubject()).startsWith("Booked: video consultation on");
        MimeMultipart mixed = (MimeMultipart) mail.getContent();
        BodyPart invite = mixed.getBodyPart(1);
        assertThat(invite.getContentType()).startsWith("text/calendar");
        assertThat(invite.getFileName()).isEqualTo("consultation.ics");
        assertThat(GreenMailUtil.getBody(invite)).contains("BEGIN:VEVENT", "meet.jit.si/Vertebra-");
        // The body is multipart/alternative: the text, then the invitation card's text/calendar part.
        String text = (String) ((MimeMultipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        Matcher link = Pattern.compile("http://vertebra\\.test(/teleconsult/manage/\\S+)").matcher(text);
        assertThat(link.find()).isTrue();

        audit(link.group(1), "manage-desktop", failures);
        driver.findElement(By.cssSelector("button.consult-cancel")).click();
        waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Cancel your consultation?"));
        audit(null, "cancel-ask-desktop", failures);
        driver.findElement(By.cssSelector("button.consult-cancel")).click();
        waitUntil(() -> driver.findElement(By.tagName("main")).getText().contains("Your consultation is cancelled"));
        audit(null, "cancelled-desktop", failures);
        open(link.group(1));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("is cancelled");

        Browser.resize(driver, Viewport.PHONE);
        audit("/teleconsult/?tz=Asia/Kolkata", "booking-phone", failures);
        driver.findElement(By.cssSelector(".consult-slots a")).click();
        waitUntil(() -> driver.getCurrentUrl().contains("/teleconsult/book/"));
        driver.findElement(By.cssSelector("label[for='flag-bladder-bowel']")).click();
        waitUntil(() -> driver.findElement(By.cssSelector("[data-advice]")).isDisplayed());
        audit(null, "red-flag-phone", failures);
        driver.findElement(By.cssSelector("form[data-intake-form] button[type=submit]")).click();
        waitUntil(() -> !driver.findElements(By.cssSelector(".form-problems")).isEmpty());
        audit(null, "intake-errors-phone", failures);
        audit(link.group(1).replace("&s=", "&s=x"), "link-problem-phone", failures);
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    @Test
    void onAPhoneTheFirstFreeTimeIsOnTheFirstScreenInTheBrowsersZone() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        Browser.resize(driver, Viewport.PHONE);
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Kolkata"));
        try {
            // No zone in the address: the script asks for the browser's (which Chromium names by its old name, Asia/Calcutta).
            open("/teleconsult/");
            waitUntil(() -> driver.getCurrentUrl().contains("tz="));
            waitUntil(() -> "Asia/Kolkata".equals(driver.findElement(By.id("tz")).getAttribute("value")));
            assertThat(driver.findElement(By.cssSelector(".consult-with")).getText()).contains("Times in Kolkata (India Time, UTC+05:30)");
            assertFirstFreeTimeOnTheFirstScreen("consult-booking-phone-first-screen");
            audit(null, "booking-phone-guessed-zone", failures);

            // The zone is found by a city's name, typed; the list puts the common zones first.
            driver.findElement(By.cssSelector(".consult-zone summary")).click();
            List<String> offered = driver.findElements(By.cssSelector("#tz-zones option")).stream().limit(4)
                    .map(o -> o.getAttribute("value")).toList();
            assertThat(offered).containsExactly("Asia/Kolkata", "Europe/London", "America/Los_Angeles", "America/Denver");
            audit(null, "booking-phone-zone-open", failures);
            var zone = driver.findElement(By.id("tz"));
            zone.clear();
            zone.sendKeys("new york");
            driver.findElement(By.cssSelector(".consult-zone button[type=submit]")).click();
            waitUntil(() -> driver.findElement(By.cssSelector(".consult-with")).getText().contains("Times in New York (Eastern Time"));

            // Every problem at once; corrected and sent again at once, it is not refused as too quick.
            driver.findElement(By.cssSelector("#slots .consult-slots a")).click();
            waitUntil(() -> driver.getCurrentUrl().contains("/teleconsult/book/"));
            driver.findElement(By.id("email")).sendKeys("sam at example.org");
            driver.findElement(By.cssSelector("form[data-intake-form] button[type=submit]")).click();
            waitUntil(() -> !driver.findElements(By.cssSelector(".form-problems")).isEmpty());
            assertThat(driver.findElements(By.cssSelector(".form-problems li"))).hasSize(7);
            assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("sam at example.org");
            audit(null, "intake-all-problems-phone", failures);
            driver.findElement(By.id("name")).sendKeys("Sam Patient");
            driver.findElement(By.id("email")).clear();
            driver.findElement(By.id("email")).sendKeys("sam.phone@example.org");
            driver.findElement(By.id("phone")).sendKeys("020 7946 0001");
            driver.findElement(By.id("age")).sendKeys("30");
            driver.findElement(By.id("complaint")).sendKeys("Wrist pain");
            new Select(driver.findElement(By.id("duration"))).selectByVisibleText("1 to 4 weeks");
            driver.findElement(By.cssSelector("label[for='consent']")).click();
            driver.findElement(By.cssSelector("form[data-intake-form] button[type=submit]")).click();
            waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Your consultation is booked"));
            audit(null, "booked-phone", failures);
            assertThat(server.site().consult.jobs().export("sam.phone@example.org")).hasSize(1);
        } finally {
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
            Browser.resize(driver, Viewport.DESKTOP);
        }
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    @Test
    void onTheDemoSiteTheFirstFreeTimeIsOnAPhonesFirstScreenBelowTheConsentBannerAndThePagesText() throws IOException {
        try (TestServer demo = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-consult-demo"))) {
            Browser.resize(driver, Viewport.PHONE);
            driver.manage().deleteAllCookies();
            driver.get("http://localhost:" + demo.server().port() + "/teleconsult/");
            waitUntil(() -> driver.getCurrentUrl().contains("tz="));
            assertThat(driver.findElements(By.cssSelector(".consent-banner, [class*=consent]"))).isNotEmpty();
            assertThat(driver.findElement(By.cssSelector("details.consult-about")).getAttribute("open")).isNull();
            assertFirstFreeTimeOnTheFirstScreen("consult-demo-booking-phone-first-screen");
        } finally {
            Browser.resize(driver, Viewport.DESKTOP);
        }
    }

    /** Saves the phone's first screen, and checks that the first free time's bottom edge is on it. */
    private static void assertFirstFreeTimeOnTheFirstScreen(String screenshot) {
        Screenshots.saveScreen(driver, screenshot);
        Number bottom = (Number) driver.executeScript(
                "return document.querySelector('#slots .consult-slots a').getBoundingClientRect().bottom;");
        Number screen = (Number) driver.executeScript("""
                const banner = document.getElementById('consent-banner');
                return banner.hidden ? window.innerHeight : banner.getBoundingClientRect().top;""");
        assertThat(((Number) driver.executeScript("return window.innerHeight;")).intValue()).isEqualTo(Viewport.PHONE.height);
        assertThat(bottom.doubleValue()).as("the first free time's bottom edge, in pixels from the top of the phone's first screen, above the consent banner if it shows")
                .isLessThanOrEqualTo(screen.doubleValue());
    }

    @Test
    void movingByDayAndTheQuestionBeforeCancellingPassTheAuditAtBothViewports() {
        var consult = server.site().consult;
        var doctor = consult.agenda().doctor("asha-raman").orElseThrow();
        var slot = consult.bookings().nextFree(doctor).get(4);
        var booked = consult.bookings().book(new org.vertebra.consult.BookingCommand(
                "asha-raman", slot.start().plus(java.time.Duration.ofDays(3)).toString(), "Europe/London", "Ana Lima",
                "ana@example.org", "020 7946 0002", "51", "Shoulder pain", "1 to 3 months", List.of(), true, true));
        String manage = booked.manageUrl().substring("http://vertebra.test".length());
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String suffix = "-" + viewport.name().toLowerCase();
            audit(manage, "manage" + suffix, failures);
            // A day two weeks on: beyond the next five free times.
            Select day = new Select(driver.findElement(By.id("day")));
            String later = day.getOptions().get(day.getOptions().size() - 3).getAttribute("value");
            day.selectByValue(later);
            driver.findElement(By.cssSelector(".consult-day-pick button")).click();
            waitUntil(() -> driver.getCurrentUrl().contains("day=" + later));
            assertThat(driver.findElements(By.cssSelector("fieldset#start input[type=radio]"))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getAttribute("value")).isNotEmpty());
            audit(null, "manage-day" + suffix, failures);
            driver.findElement(By.cssSelector("form[action='/teleconsult/manage/cancel/'] button")).click();
            waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Cancel your consultation?"));
            audit(null, "cancel-ask" + suffix, failures);
            driver.findElement(By.cssSelector("a.consult-keep")).click();
            waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Your consultation"));
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(consult.agenda().booking(booked.booking().id()).orElseThrow().cancelled()).isFalse();
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    @Test
    void theBookingPagesInSpanishPassTheAuditAtBothViewports() throws Exception {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        try {
            for (Viewport viewport : Viewport.values()) {
                Browser.resize(driver, viewport);
                String suffix = "-" + viewport.name().toLowerCase();
                // The language is chosen on the booking page itself, by a link to the page in Spanish.
                open("/teleconsult/?tz=Europe/Madrid");
                driver.findElement(By.cssSelector("nav.consult-languages a[hreflang=es]")).click();
                waitUntil(() -> "es".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Consultas por videollamada");
                assertThat(driver.findElement(By.cssSelector(".consult-with")).getText()).contains("Horas en Madrid (");
                audit(null, "booking-es" + suffix, failures);

                driver.findElement(By.cssSelector("#slots .consult-slots a")).click();
                waitUntil(() -> driver.getCurrentUrl().contains("/teleconsult/book/"));
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Su consulta");
                driver.findElement(By.id("email")).sendKeys("lucia en example.org");
                driver.findElement(By.cssSelector("label[for='flag-night-pain']")).click();
                waitUntil(() -> driver.findElement(By.cssSelector("[data-advice]")).isDisplayed());
                driver.findElement(By.cssSelector("form[data-intake-form] button[type=submit]")).click();
                waitUntil(() -> !driver.findElements(By.cssSelector(".form-problems")).isEmpty());
                assertThat(driver.findElement(By.cssSelector(".form-problems h2")).getText())
                        .isEqualTo("Hay un problema y no se ha enviado nada");
                assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("lucia en example.org");
                assertThat(driver.findElement(By.id("email-error")).getText()).contains("El correo electrónico no parece una dirección válida");
                audit(null, "intake-es-problems" + suffix, failures);
            }
        } finally {
            Browser.resize(driver, Viewport.DESKTOP);
        }
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        if (path != null) {
            open(path);
        }
        axe.audit(driver, "consult-" + name, name, failures);
    }

    /** Opens the page as a patient who has answered the consent banner (it lies over the foot of the window until then). */
    private static void open(String path) {
        driver.get("http://localhost:" + server.server().port() + path);
        Browser.answerConsentBanner(driver);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        Browser.waitUntil(driver, condition);
    }
}
