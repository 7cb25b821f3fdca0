package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.content.KeyPoints;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.reading.ReadingService;
import org.vertebra.support.MailOutbox;

/**
 * Prescribed reading in Chromium: the doctor's send form from a consultation (its title filter,
 * a refused sending and a good one), the list of sent lists, and the patient's private page with
 * its deletion question, each audited with axe-core at the phone and desktop viewports
 * (screenshots in target/screenshots/reading-*.png).
 */
class ReadingInBrowserTest {

    private static DoctorInBrowser suite;
    private static ChromeDriver driver;
    private static long consultation;

    @BeforeAll
    static void start() throws IOException {
        suite = DoctorInBrowser.start("reading");
        driver = suite.driver;
        consultation = suite.book(suite.free().get(0), "Priya Shah", "priya@example.org", "Knee pain on stairs", List.of());
        publish("knee-pain", "Knee Pain on Stairs", "Why stairs hurt a sore knee, and what helps.",
                new KeyPoints(List.of("Most knee pain on stairs settles with exercise.", "Rest alone rarely helps."),
                        List.of("Do the thigh exercises daily.", "See a doctor if the knee locks or gives way.")));
        publish("hip-arthritis", "Hip Arthritis", "What hip arthritis is and how it is treated.",
                new KeyPoints(List.of("Walking is good for an arthritic hip."), List.of()));
        publish("back-pain", "Low Back Pain", "Most back pain gets better within weeks.", KeyPoints.NONE);
    }

    private static void publish(String slug, String title, String summary, KeyPoints points) {
        suite.server.site().articleWriter.save(new ArticleDraft(Article.POST, slug, title, summary, "Some text about " + title + ".", null, null,
                Article.PUBLISHED, java.time.Instant.now().minus(Duration.ofDays(2)), null, null, null, "None.", false, List.of(),
                points));
    }

    private static String url(String path) {
        return suite.url(path);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
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
            List<MailOutbox.Mail> mails = MailOutbox.ofKind(suite.server.site(), ReadingService.MAIL);
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
        assertThat(suite.server.site().reading.lists(null)).as("asking deleted nothing").hasSize(2);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static List<String> visibleChoices() {
        return driver.findElements(By.cssSelector(".reading-choice")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    private static long id(String slug) {
        return suite.server.site().articleWriter.bySlug(slug).orElseThrow().id();
    }

    private static void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        suite.audit(path, name, failures);
    }
}
