package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.trust.ImportDisclosure;
import org.vertebra.wordpress.WordPressImporter;
import org.vertebra.wordpress.WordPressReport;

/**
 * The pages of a site moved in from the real WordPress export (src/test/resources/wordpress), as
 * a patient sees them in Chromium on a phone and a desktop: the gallery a grid of pictures that
 * stays within the screen, the sound a player that can play, a title with "&" and quotes read
 * as text, and every page passing the accessibility audit.
 */
class WordPressPagesInBrowserTest {

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-wordpress"), Clock.systemUTC());
        Path fixture = Path.of(WordPressPagesInBrowserTest.class.getResource("/wordpress/export.xml").toURI()).getParent();
        WordPressReport report = server.site().wordpress.importFile(fixture.resolve("export.xml"), fixture.resolve("uploads"), false,
                ImportDisclosure.defaultTo("Demo content: the writers declare no conflicts of interest."),
                WordPressImporter.Progress.none());
        assertThat(report.failures()).isEmpty();
        server.server().refreshCache();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theGalleryIsAGridWithinThePhonesWidthAndTheSoundPlays() {
        Browser.resize(driver, Viewport.PHONE);
        open("/clinic-gallery-demo/");
        List<WebElement> pictures = driver.findElements(By.cssSelector("main figure.gallery img"));
        assertThat(pictures).hasSizeGreaterThanOrEqualTo(5);
        Browser.waitUntil(driver, () -> pictures.stream().allMatch(img ->
                Boolean.TRUE.equals(driver.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img))));
        // Two pictures side by side on a phone: the first two share a row.
        assertThat(pictures.get(0).getRect().getY()).isEqualTo(pictures.get(1).getRect().getY());
        assertThat(pictures.get(1).getRect().getX()).isGreaterThan(pictures.get(0).getRect().getX());
        Screenshots.save(driver, "wordpress-gallery-phone");

        WebElement player = driver.findElement(By.cssSelector("main audio[controls]"));
        Browser.waitUntil(driver, () -> ((Number) driver.executeScript("return arguments[0].readyState", player)).intValue() >= 1);
        Object duration = driver.executeScript("return arguments[0].duration", player);
        assertThat(((Number) duration).doubleValue()).as("the WAV file's second of sound").isBetween(0.9, 1.1);
    }

    @Test
    void aTitleWithAnAmpersandAndQuotesReadsAsText() {
        Browser.resize(driver, Viewport.DESKTOP);
        open("/hip-myths-demo/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Media & Text: Hip Pain \"Myths\" & Facts (x < 3)");
        assertThat(driver.getTitle()).startsWith("Media & Text: Hip Pain \"Myths\" & Facts (x < 3)");
    }

    @Test
    void theMovedInPagesPassTheAuditAtBothViewports() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("wordpress-home", "/");
        pages.put("wordpress-gallery", "/clinic-gallery-demo/");
        pages.put("wordpress-title", "/hip-myths-demo/");
        pages.put("wordpress-pages", "/fracture-healing-demo/");
        pages.put("wordpress-untitled", "/29-2/");
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                open(page.getValue());
                axe.audit(driver, page.getKey() + "-" + viewport.name().toLowerCase(), page.getValue() + " at " + viewport, failures);
            }
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static void open(String path) {
        driver.get("http://localhost:" + server.server().port() + path);
    }
}
