package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.access.AccountRole;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.consult.BookingCommand;
import org.vertebra.consult.DoctorAgenda;
import org.vertebra.consult.Slot;
import org.vertebra.consult.WeeklyHours;
import org.vertebra.content.KeyPoints;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.reading.ReadingService;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Prescribed reading in Chromium: the doctor's send form from a consultation (its title filter,
 * a refused sending and a good one), the list of sent lists, and the patient's private page with
 * its deletion question, each audited with axe-core at the phone and desktop viewports
 * (screenshots in target/screenshots/reading-*.png).
 */
class ReadingInBrowserTest {

    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;
    private static long consultation;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-reading"), Clock.systemUTC());
        var site = server.site();
        var user = site.accounts.addUser("asha@clinic.example", "Dr Asha Raman", AccountRole.DOCTOR, PASSWORD);
        var doctor = site.consult.agenda().attach(new DoctorAgenda.Attach(user.id(), "Dr Asha Raman", "FRCS (Orth)",
                ZoneId.of("Europe/London"), 30, null));
        site.consult.agenda().setHours(doctor.id(), Arrays.stream(DayOfWeek.values())
                .map(d -> new WeeklyHours(d, LocalTime.of(9, 0), LocalTime.of(17, 0))).toList());
        Slot slot = site.consult.bookings().nextFree(doctor).get(0);
        consultation = site.consult.bookings().book(new BookingCommand(doctor.slug(), slot.start().toString(), "Europe/London", "Priya Shah",
                "priya@example.org", "020 7946 0001", "50", "Knee pain on stairs", "1 to 4 weeks", List.of(), true, true))
                .booking().id();
        publish("knee-pain", "Knee Pain on Stairs", "Why stairs hurt a sore knee, and what helps.",
                new KeyPoints(List.of("Most knee pain on stairs settles with exercise.", "Rest alone rarely helps."),
                        List.of("Do the thigh exercises daily.", "See a doctor if the knee locks or gives way.")));
        publish("hip-arthritis", "Hip Arthritis", "What hip arthritis is and how it is treated.",
                new KeyPoints(List.of("Walking is good for an arthritic hip."), List.of()));
        publish("back-pain", "Low Back Pain", "Most back pain gets better within weeks.", KeyPoints.NONE);
        SignIn.withPassword(driver, url(""), "asha@clinic.example", PASSWORD);
    }

    private static void publish(String slug, String title, String summary, KeyPoints points) {
        server.site().articleWriter.save(new ArticleDraft(Article.POST, slug, title, summary, "Some text about " + title + ".", null, null,
                Article.PUBLISHED, java.time.Instant.now().minus(Duration.ofDays(2)), null, null, null, "None.", false, List.of(),
                points));
    }

    private static String url(String path) {
        return "http://localhost:" + server.server().port() + path;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSendFormAndThePatientsListPassTheAuditAtBothViewports() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String suffix = "-" + viewport.name().toLowerCase();
            driver.get(url("/admin/consult/" + consultation + "/"));
            driver.findElement(By.linkText("Send a reading list")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("/admin/reading/send/"));
            audit(null, "reading-send" + suffix, failures);
            assertThat(driver.findElement(By.id("email")).getAttribute("value")).isEqualTo("priya@example.org");

            // The filter narrows the list to matching titles (it is a script's; without one the whole list shows).
            WebElement filter = driver.findElement(By.id("article-filter"));
            filter.sendKeys("knee");
            assertThat(visibleChoices()).containsExactly("Knee Pain on Stairs");
            driver.findElement(By.cssSelector("label[for='article-" + id("knee-pain") + "']")).click();
            filter.clear();
            filter.sendKeys("x");
            filter.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
            assertThat(visibleChoices()).hasSize(3);

            // Sent without a valid address: refused, with what was typed and ticked kept.
            driver.findElement(By.id("email")).clear();
            driver.findElement(By.id("email")).sendKeys("priya at example");
            driver.findElement(By.id("note")).sendKeys("Start with the knee exercises.");
            driver.executeScript("document.getElementById('email').type = 'text';"); // past the browser's own check
            driver.findElement(By.cssSelector("form.reading-send button[type=submit]")).click();
            Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector(".form-error")).isEmpty());
            audit(null, "reading-send-refused" + suffix, failures);
            assertThat(driver.findElement(By.id("note")).getAttribute("value")).isEqualTo("Start with the knee exercises.");
            assertThat(driver.findElements(By.cssSelector("input[name=article]:checked"))).hasSize(1);

            driver.findElement(By.id("email")).clear();
            driver.findElement(By.id("email")).sendKeys("priya@example.org");
            driver.findElement(By.cssSelector("label[for='article-" + id("hip-arthritis") + "']")).click();
            driver.findElement(By.cssSelector("form.reading-send button[type=submit]")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/admin/reading/?done=sent"));
            audit(null, "reading-lists" + suffix, failures);
            assertThat(driver.findElement(By.cssSelector("table.reading-lists tbody tr")).getText()).contains("p***@example.org",
                    "not opened yet");

            // The patient's page, from the mail's link.
            List<MailOutbox.Mail> mails = MailOutbox.ofKind(server.site(), ReadingService.MAIL);
            String link = mails.get(mails.size() - 1).link("http://vertebra.test/reading/").substring("http://vertebra.test".length());
            audit(link, "reading-patient" + suffix, failures);
            assertThat(driver.findElements(By.cssSelector(".reading-article h3"))).extracting(WebElement::getText)
                    .containsExactly("Hip Arthritis", "Knee Pain on Stairs");
            assertThat(driver.findElement(By.cssSelector(".reading-note")).getText()).contains("Start with the knee exercises.");
            driver.findElement(By.cssSelector(".reading-delete-ask button")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/reading/delete/"));
            audit(null, "reading-patient-delete-question" + suffix, failures);
            driver.findElement(By.linkText("No, keep it")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("/reading/?r="));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your reading list");
            audit(link.replaceFirst("&s=.", "&s=_"), "reading-patient-link-changed" + suffix, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(server.site().reading.lists(null)).as("asking deleted nothing").hasSize(2);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static List<String> visibleChoices() {
        return driver.findElements(By.cssSelector(".reading-choice")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    private static long id(String slug) {
        return server.site().articleWriter.bySlug(slug).orElseThrow().id();
    }

    private static void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        if (path != null) {
            driver.get(url(path));
        }
        axe.audit(driver, name, name, failures);
    }
}
