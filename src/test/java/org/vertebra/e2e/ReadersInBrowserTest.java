package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.vertebra.access.AccountRole;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.newsletter.Subscriber;
import org.vertebra.spam.FormGuard;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * A reader in a real Chromium subscribes through the newsletter form, opens the link from the
 * confirmation mail and sees the confirmation; sends the contact form; and every readers' page,
 * and the admin pages behind them, pass the accessibility audit at both viewports.
 */
class ReadersInBrowserTest {

    private static final String EMAIL = "nora@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-readers"));
        server.site().accounts.addUser(EMAIL, "Nora Editor", AccountRole.EDITOR, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReaderSubscribesAndConfirmsThroughTheMailedLink() throws InterruptedException {
        Browser.resize(driver, Viewport.DESKTOP);
        open("/");
        driver.findElement(By.cssSelector("#primary-nav a[href='/newsletter/']")).click();
        waitUntil(() -> driver.getCurrentUrl().endsWith("/newsletter/"));
        driver.findElement(By.id("email")).sendKeys("reader@example.org");
        Thread.sleep(FormGuard.MINIMUM_TIME.plusMillis(500).toMillis()); // a person takes a moment; the guard insists
        driver.findElement(By.cssSelector("form[action^='/newsletter/#'] button[type=submit]")).click();
        waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Check your inbox"));

        MailOutbox.Mail mail = MailOutbox.ofKind(server.site(), "newsletter-confirm").stream()
                .filter(m -> m.recipient().equals("reader@example.org")).findFirst().orElseThrow();
        String link = mail.link(server.site().settings.baseUrl() + "/newsletter/confirm/?token=");
        open(link.substring(server.site().settings.baseUrl().length()));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your subscription");
        assertThat(server.site().newsletter.exportCsv()).contains("reader@example.org,pending,");
        driver.findElement(By.cssSelector("main form[action='/newsletter/confirm/'] button")).click();
        waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("You are subscribed"));
        assertThat(server.site().newsletter.exportCsv()).contains("reader@example.org,confirmed,");
    }

    @Test
    void aReaderSendsTheContactFormAndSeesItArrived() throws InterruptedException {
        Browser.resize(driver, Viewport.PHONE);
        open("/contact/");
        new Select(driver.findElement(By.id("topic"))).selectByValue("consultation");
        driver.findElement(By.id("name")).sendKeys("Rosa Reader");
        driver.findElement(By.id("email")).sendKeys("rosa@example.org");
        driver.findElement(By.id("message")).sendKeys("Can I book a video consultation for my knee?");
        Thread.sleep(FormGuard.MINIMUM_TIME.plusMillis(500).toMillis());
        driver.findElement(By.cssSelector("form[action^='/contact/#'] button[type=submit]")).click();
        waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Message sent"));
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("Thank you, Rosa Reader.");
        assertThat(MailOutbox.ofKind(server.site(), "contact")).anySatisfy(m ->
                assertThat(m.text()).contains("Can I book a video consultation"));
        Browser.resize(driver, Viewport.DESKTOP);
    }

    @Test
    void readersPagesAndTheirAdminPagesPassTheAuditAtBothViewports() throws InterruptedException {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String suffix = "-" + viewport.name().toLowerCase();
            audit("/newsletter/", "newsletter" + suffix, failures);
            open("/newsletter/");
            driver.findElement(By.cssSelector("form[action^='/newsletter/#'] button[type=submit]")).click();
            waitUntil(() -> !driver.findElements(By.cssSelector(".form-problems")).isEmpty());
            audit(null, "newsletter-errors" + suffix, failures);
            open("/newsletter/");
            driver.findElement(By.id("email")).sendKeys("audit" + suffix + "@example.org");
            Thread.sleep(FormGuard.MINIMUM_TIME.plusMillis(500).toMillis());
            driver.findElement(By.cssSelector("form[action^='/newsletter/#'] button[type=submit]")).click();
            waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("Check your inbox"));
            audit(null, "newsletter-check-inbox" + suffix, failures);
            List<MailOutbox.Mail> confirms = MailOutbox.ofKind(server.site(), "newsletter-confirm");
            String confirm = confirms.get(confirms.size() - 1).link(server.site().settings.baseUrl() + "/newsletter/confirm/?token=");
            audit(confirm.substring(server.site().settings.baseUrl().length()), "newsletter-confirm" + suffix, failures);
            driver.findElement(By.cssSelector("main form[action='/newsletter/confirm/'] button")).click();
            waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("You are subscribed"));
            audit(null, "newsletter-confirmed" + suffix, failures);
            audit(unsubscribePath("audit" + suffix + "@example.org"), "newsletter-unsubscribe" + suffix, failures);
            driver.findElement(By.cssSelector("main form[action='/newsletter/unsubscribe/'] button")).click();
            waitUntil(() -> driver.findElement(By.tagName("h1")).getText().equals("You are unsubscribed"));
            audit(null, "newsletter-unsubscribed" + suffix, failures);

            audit("/contact/", "contact" + suffix, failures);
            driver.findElement(By.cssSelector("form[action^='/contact/#'] button[type=submit]")).click();
            waitUntil(() -> !driver.findElements(By.cssSelector(".form-problems")).isEmpty());
            audit(null, "contact-errors" + suffix, failures);
        }
        signIn();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String suffix = "-" + viewport.name().toLowerCase();
            audit("/admin/newsletter/", "admin-newsletter" + suffix, failures);
            audit("/admin/messages/", "admin-messages" + suffix, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    /** The path of a subscriber's unsubscribe link, as every digest carries it. */
    private static String unsubscribePath(String email) {
        Subscriber subscriber = server.site().database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id, email, status, source, created_at, confirmed_at, unsubscribed_at, confirm_sent_at, unsubscribe_key"
                                + " FROM subscribers WHERE email = :e")
                .bind("e", email).map(ConstructorMapper.of(Subscriber.class)).one());
        return server.site().newsletter.unsubscribeUrl(subscriber).substring(server.site().settings.baseUrl().length());
    }

    private static void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        if (path != null) {
            open(path);
        }
        axe.audit(driver, "readers-" + name, name, failures);
    }

    private static void signIn() {
        SignIn.withPassword(driver, "http://localhost:" + server.server().port(), EMAIL, PASSWORD);
    }

    /** Opens the page as a reader who has answered the consent banner. */
    private static void open(String path) {
        driver.get("http://localhost:" + server.server().port() + path);
        Browser.answerConsentBanner(driver);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        Browser.waitUntil(driver, condition);
    }
}
