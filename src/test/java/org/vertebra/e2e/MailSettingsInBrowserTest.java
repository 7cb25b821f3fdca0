package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.access.AccountRole;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.support.ServerWithSmtp;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The mail settings in a real Chromium, at the phone and the desktop viewport: the dashboard's
 * warning while mail waits with no SMTP server, the settings typed and saved, a test mail delivered
 * to GreenMail with the server's answer, a refused change; each page audited with axe-core.
 */
class MailSettingsInBrowserTest {

    private static final String EMAIL = "owner@example.org";
    private static final String PASSWORD = "a long enough password";

    @AutoClose
    private static ServerWithSmtp withSmtp;
    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        withSmtp = ServerWithSmtp.startWithoutMailSettings(TestDatabase.SQLITE,
                Files.createTempDirectory("vertebra-e2e-mail-settings"), Clock.systemUTC());
        withSmtp.smtp().setUser("clinic@vertebra.test", "clinic", "smtp-secret");
        server = withSmtp.server();
        server.site().accounts.addUser(EMAIL, "The Owner", AccountRole.ADMIN, PASSWORD);
    }

    @Test
    void theMailSettingsAreSavedTestedAndPassTheAuditAtBothViewports() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        server.site().outbox.enqueue(OutgoingMail.plain("contact", "desk@example.org", "Waiting for a server", "Hi"));
        driver.manage().deleteAllCookies();
        SignIn.withPassword(driver, server.uri("").toString(), EMAIL, PASSWORD);
        for (Browser.Viewport viewport : Browser.Viewport.values()) {
            Browser.resize(driver, viewport);
            String size = viewport.name().toLowerCase(Locale.ROOT);
            open("/admin/");
            assertThat(driver.findElement(By.id("warnings")).getText()).contains("Warning")
                    .contains("1 mail is waiting and none can be sent: no SMTP server is set");
            axe.audit(driver, "dashboard-mail-warning-" + size, "dashboard-warning-" + size, failures);
            open("/admin/mail/settings/");
            assertThat(driver.findElement(By.id("mail-off")).getText()).contains("No SMTP server is set");
            axe.audit(driver, "mail-settings-empty-" + size, "mail-settings-empty-" + size, failures);
        }

        for (Browser.Viewport viewport : Browser.Viewport.values()) {
            Browser.resize(driver, viewport);
            String size = viewport.name().toLowerCase(Locale.ROOT);
            open("/admin/mail/settings/");
            type("host", "127.0.0.1");
            driver.findElement(By.cssSelector("label[for=tls-none]")).click();
            type("port", Integer.toString(withSmtp.port()));
            type("user", "clinic");
            type("password", "smtp-secret");
            type("fromName", "Test Clinic");
            type("fromAddress", "clinic@vertebra.test");
            driver.findElement(By.cssSelector("form[action='/admin/mail/settings/'] button[type=submit]")).click();
            Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("done=saved"));
            assertThat(driver.findElement(By.cssSelector(".notice[role=status]")).getText()).contains("saved and in use now");
            assertThat(driver.findElement(By.id("password")).getAttribute("value")).isEmpty();
            axe.audit(driver, "mail-settings-saved-" + size, "mail-settings-saved-" + size, failures);

            type("testTo", "ada-" + size + "@example.org");
            driver.findElement(By.cssSelector("form[action='/admin/mail/settings/test/'] button[type=submit]")).click();
            Browser.waitUntil(driver, () -> !driver.findElements(By.id("test-answer")).isEmpty());
            assertThat(driver.findElement(By.id("test-answer")).getText()).startsWith("Delivered:").contains("250");
            axe.audit(driver, "mail-settings-tested-" + size, "mail-settings-tested-" + size, failures);

            type("port", "eighty");
            type("fromAddress", "not an address");
            driver.findElement(By.cssSelector("form[action='/admin/mail/settings/'] button[type=submit]")).click();
            Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector(".form-error[role=alert]")).isEmpty());
            assertThat(driver.findElement(By.id("port")).getAttribute("value")).isEqualTo("eighty");
            assertThat(driver.findElement(By.id("port-error")).getText()).contains("whole number from 1 to 65535");
            axe.audit(driver, "mail-settings-refused-" + size, "mail-settings-refused-" + size, failures);
        }
        assertThat(withSmtp.smtp().getReceivedMessages()).extracting(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).contains("Test mail from Test Clinic");
        assertThat(failures).as(() -> Axe.report(failures)).isEmpty();
    }

    private static void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void open(String path) {
        driver.get(server.uri(path).toString());
        Browser.waitUntil(driver, () -> "complete".equals(driver.executeScript("return document.readyState")));
    }
}
