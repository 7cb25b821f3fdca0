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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vertebra.access.AccountRole;
import org.vertebra.access.SessionPolicy;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The notice a minute before a doctor's session ends, in a real Chromium: with the shortest idle
 * limit the site allows (2 minutes), it appears after a minute of real time, passes the
 * accessibility audit, and its "stay signed in" button keeps the session and takes it away.
 */
class SessionNoticeInBrowserTest {

    private static final String EMAIL = "dora@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-session"),
                TestClock.at("2026-03-02T09:00:10Z"));
        server.site().accounts.addUser(EMAIL, "Dora Doctor", AccountRole.DOCTOR, PASSWORD);
        server.site().siteSettings.saveValues(new SessionPolicy(Duration.ofMinutes(2), Duration.ofHours(12)).settings());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMinuteBeforeTheEndTheNoticeOffersToStaySignedIn() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        Browser.resize(driver, Viewport.DESKTOP);
        SignIn.withPassword(driver, "http://localhost:" + server.server().port(), EMAIL, PASSWORD);
        assertThat(driver.findElements(By.cssSelector(".session-notice"))).isEmpty();

        new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> !d.findElements(By.cssSelector(".session-notice")).isEmpty());
        WebElement notice = driver.findElement(By.cssSelector(".session-notice"));
        assertThat(notice.getAttribute("role")).isEqualTo("alert");
        assertThat(notice.getText()).contains("You will be signed out in less than a minute");
        WebElement stay = notice.findElement(By.tagName("button"));
        assertThat(stay.getText()).isEqualTo("Stay signed in");
        assertThat(driver.switchTo().activeElement()).as("the button has the focus").isEqualTo(stay);
        axe.audit(driver, "session-notice-desktop", "the notice before a session ends", failures);

        stay.click();
        Browser.waitUntil(driver, () -> driver.findElements(By.cssSelector(".session-notice")).isEmpty());
        driver.navigate().refresh();
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("still signed in").isEqualTo("Dashboard");
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }
}
