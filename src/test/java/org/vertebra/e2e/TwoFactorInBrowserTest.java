package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.access.AccountRole;
import org.vertebra.account.AuthenticatorApp;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Two-step sign-in in a real Chromium: a doctor sets it up (QR code and key, a wrong code, then
 * the recovery codes), signs out and in again through the code page, with the keyboard; every
 * page passes the accessibility audit at both viewports.
 */
class TwoFactorInBrowserTest {

    private static final String EMAIL = "dora@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static TestClock clock;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        clock = TestClock.at("2026-03-02T09:00:10Z");
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-two-factor"), clock);
        server.site().accounts.addUser(EMAIL, "Dora Doctor", AccountRole.DOCTOR, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDoctorSetsUpTwoStepSignInAndSignsInWithACodeAndEveryPagePassesTheAudit() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        Browser.resize(driver, Viewport.DESKTOP);
        SignIn.withPassword(driver, url(""), EMAIL, PASSWORD);
        open("/admin/account/two-factor/");
        driver.findElement(By.cssSelector("form[action$='/start/'] button")).click();
        Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector("svg.qr-code")).isEmpty());

        WebElement qr = driver.findElement(By.cssSelector("svg.qr-code"));
        assertThat(qr.getAttribute("aria-label")).contains("QR code");
        assertThat(qr.getSize().getWidth()).as("whole pixels per module").isEqualTo(qr.getSize().getHeight())
                .isGreaterThanOrEqualTo(150);
        String secret = driver.findElement(By.cssSelector(".totp-secret code")).getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        AuthenticatorApp app = new AuthenticatorApp(secret, clock);
        Screenshots.saveElement(driver.findElement(By.cssSelector(".two-factor-enrolment")), "two-factor-qr-desktop");
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            open("/admin/account/two-factor/");
            axe.audit(driver, "two-factor-enrol-" + name(viewport), "enrolment at " + viewport, failures);
        }

        Browser.resize(driver, Viewport.DESKTOP);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        WebElement code = driver.findElement(By.id("code"));
        code.sendKeys(app.wrongCode(), Keys.ENTER);
        Browser.waitUntil(driver, () -> !driver.findElements(By.id("code-error")).isEmpty());
        axe.audit(driver, "two-factor-enrol-wrong-desktop", "enrolment with a wrong code", failures);

        driver.findElement(By.id("password")).sendKeys(PASSWORD); // a refused form never sends the password back
        code = driver.findElement(By.id("code"));
        code.clear();
        code.sendKeys(app.code(), Keys.ENTER);
        Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector(".recovery-code-list li")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".recovery-code-list li"))).hasSize(10);
        axe.audit(driver, "two-factor-recovery-codes-desktop", "recovery codes", failures);

        driver.manage().deleteAllCookies();
        clock.advance(Duration.ofSeconds(30));
        Browser.resize(driver, Viewport.PHONE);
        SignIn.toCodePage(driver, url(""), EMAIL, PASSWORD);
        for (Viewport viewport : List.of(Viewport.PHONE, Viewport.DESKTOP)) {
            Browser.resize(driver, viewport);
            driver.navigate().refresh();
            axe.audit(driver, "two-factor-code-" + name(viewport), "code page at " + viewport, failures);
        }
        driver.findElement(By.id("code")).sendKeys("12345", Keys.ENTER);
        Browser.waitUntil(driver, () -> !driver.findElements(By.id("code-error")).isEmpty());
        axe.audit(driver, "two-factor-code-wrong-desktop", "code page with a wrong code", failures);

        SignIn.withCode(driver, app);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static String name(Viewport viewport) {
        return viewport.name().toLowerCase();
    }

    private static String url(String path) {
        return "http://localhost:" + server.server().port() + path;
    }

    private static void open(String path) {
        driver.get(url(path));
    }
}
