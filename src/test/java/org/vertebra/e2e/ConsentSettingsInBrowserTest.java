package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.vertebra.access.AccountRole;
import org.vertebra.consent.ConsentSettingsRoutes;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The consent settings in a real Chromium: the site owner adds a Statistics script in the admin,
 * and on the public pages it stays inert until the visitor accepts Statistics, then runs; the
 * settings page and its refused form pass the accessibility audit at both viewports.
 */
class ConsentSettingsInBrowserTest {

    private static final String EMAIL = "owner@example.org";
    private static final String PASSWORD = "a long enough password";
    private static final String PAGE = ConsentSettingsRoutes.PAGE;
    /** The owner's snippet: served by Vertebra itself, it leaves a mark a test can read. */
    private static final String SNIPPET = "window.clinicCounterRan = (window.clinicCounterRan || 0) + 1;\n"
            + "document.documentElement.setAttribute('data-clinic-counter', 'ran');";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-consent-settings"));
        server.site().accounts.addUser(EMAIL, "The Owner", AccountRole.ADMIN, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anOwnersStatisticsScriptStaysInertBeforeConsentAndRunsAfterAcceptAll() {
        Browser.resize(driver, Viewport.DESKTOP);
        driver.manage().deleteAllCookies();
        SignIn.withPassword(driver, server.uri("").toString(), EMAIL, PASSWORD);
        open(PAGE);
        new Select(driver.findElement(By.id("script-category"))).selectByValue("statistics");
        driver.findElement(By.id("script-name")).sendKeys("Clinic counter");
        driver.findElement(By.id("script-code")).sendKeys(SNIPPET);
        driver.findElement(By.cssSelector("form[action='" + PAGE + "scripts/'] button[type=submit]")).click();
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("done=script-added"));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("every visitor is asked");
        server.server().refreshCache(); // what the server's change poller does within half a second

        driver.manage().deleteAllCookies(); // a visitor now, not the owner
        open("/");
        assertThat(driver.findElement(By.id("consent-banner")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("script[type='text/plain'][data-category=statistics]"))).hasSize(1);
        assertThat(driver.executeScript("return typeof window.clinicCounterRan")).isEqualTo("undefined");
        assertThat(driver.executeScript("return document.documentElement.hasAttribute('data-clinic-counter')")).isEqualTo(false);
        assertThat(scriptsFetched()).as("the snippet is not even fetched before consent").isEqualTo(0L);

        driver.findElement(By.cssSelector("#consent-banner button[value=accept-all]")).click();
        Browser.waitUntil(driver, () -> Long.valueOf(1).equals(driver.executeScript("return window.clinicCounterRan || 0")));
        assertThat(driver.executeScript("return document.documentElement.getAttribute('data-clinic-counter')")).isEqualTo("ran");

        open("/about/");
        Browser.waitUntil(driver, () -> Long.valueOf(1).equals(driver.executeScript("return window.clinicCounterRan || 0")));
        assertThat(driver.findElement(By.id("consent-banner")).isDisplayed()).as("the choice holds on the next page").isFalse();

        driver.manage().deleteAllCookies();
        open("/");
        driver.findElement(By.cssSelector("#consent-banner button[value=reject-all]")).click();
        Browser.waitUntil(driver, () -> !driver.findElement(By.id("consent-banner")).isDisplayed());
        open("/about/");
        assertThat(driver.executeScript("return typeof window.clinicCounterRan")).as("after Reject all").isEqualTo("undefined");
        assertThat(scriptsFetched()).isEqualTo(0L);
    }

    @Test
    void theSettingsPagesPassTheAuditAtBothViewports() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        driver.manage().deleteAllCookies();
        SignIn.withPassword(driver, server.uri("").toString(), EMAIL, PASSWORD);
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String size = viewport.name().toLowerCase(java.util.Locale.ROOT);
            open(PAGE);
            axe.audit(driver, "consent-settings-" + size, "settings-" + size, failures);

            driver.findElement(By.id("entry-name")).sendKeys("_pk_id");
            // The browser's own check would stop the empty fields first; the server's answer is what is audited here.
            driver.executeScript("document.querySelector(\"form[action='" + PAGE + "entries/']\").noValidate = true;");
            driver.findElement(By.cssSelector("form[action='" + PAGE + "entries/'] button[type=submit]")).click();
            Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector(".form-error")).isEmpty());
            assertThat(driver.findElement(By.id("entry-name")).getAttribute("value")).isEqualTo("_pk_id");
            axe.audit(driver, "consent-settings-refused-" + size, "settings-refused-" + size, failures);
        }
        assertThat(failures).as(() -> Axe.report(failures)).isEmpty();
    }

    private static long scriptsFetched() {
        return (Long) driver.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/consent/scripts/')).length;");
    }

    private static void open(String path) {
        driver.get(server.uri(path).toString());
        Browser.waitUntil(driver, () -> "complete".equals(driver.executeScript("return document.readyState")));
    }
}
