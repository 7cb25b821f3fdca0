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
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.vertebra.access.AccountRole;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.redirect.RedirectChange;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Redirects in a real Chromium: an editor turns an address from the 404 log into a redirect with
 * the keyboard, a refused one keeps what was typed, and every redirect page passes the
 * accessibility audit at both viewports.
 */
class RedirectsInBrowserTest {

    private static final String EMAIL = "eve@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-redirects"));
        server.site().accounts.addUser(EMAIL, "Eve Editor", AccountRole.EDITOR, PASSWORD);
        server.site().redirects.add(RedirectChange.parse("/2018/03/a-rather-long-wordpress-address-about-shoulder-surgery/",
                "/frozen-shoulder-stages/", "301", "Imported from the old site's Redirection plug-in"), "Eve Editor");
        server.site().redirects.add(RedirectChange.parse("/withdrawn-leaflet.pdf", "", "410", "Replaced by the new leaflet"),
                "Eve Editor");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEditorTurnsAnAddressNotFoundIntoARedirectWithTheKeyboard() {
        Browser.resize(driver, Viewport.DESKTOP);
        open("/old-clinic-opening-hours/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        server.server().redirectRecorder().flush();
        SignIn.withPassword(driver, base(), EMAIL, PASSWORD);

        open("/admin/redirects/not-found/");
        driver.findElement(By.partialLinkText("Redirect this")).sendKeys(Keys.ENTER);
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("source="));
        assertThat(driver.findElement(By.id("source")).getAttribute("value")).isEqualTo("/old-clinic-opening-hours/");
        driver.findElement(By.id("target")).sendKeys("/contact/");
        driver.findElement(By.id("note")).sendKeys("Hours are on the contact page now", Keys.ENTER);
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("done=added"));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("The redirect is added");

        open("/old-clinic-opening-hours/");
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/contact/"));
    }

    @Test
    void aRefusedRedirectShowsWhyAndKeepsWhatWasTyped() {
        Browser.resize(driver, Viewport.DESKTOP);
        SignIn.withPassword(driver, base(), EMAIL, PASSWORD);
        open("/admin/redirects/");
        driver.findElement(By.id("source")).sendKeys("/admin/users/");
        new Select(driver.findElement(By.id("kind"))).selectByValue("301");
        driver.findElement(By.id("target")).sendKeys("/somewhere/");
        driver.findElement(By.id("note")).sendKeys("kept", Keys.ENTER);
        Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(driver.findElement(By.id("source-error")).getText()).contains("belong to Vertebra itself");
        assertThat(driver.findElement(By.id("source")).getAttribute("value")).isEqualTo("/admin/users/");
        assertThat(driver.findElement(By.id("note")).getAttribute("value")).isEqualTo("kept");
        Screenshots.save(driver, "redirects-refused-desktop");
    }

    @Test
    void everyRedirectPagePassesTheAuditAtBothViewports() {
        Browser.resize(driver, Viewport.DESKTOP);
        open("/a-page-that-never-existed/");
        server.server().redirectRecorder().flush();
        SignIn.withPassword(driver, base(), EMAIL, PASSWORD);
        long id = server.site().redirects.lookUp("/withdrawn-leaflet.pdf").orElseThrow().id();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("redirects-list", "/admin/redirects/");
        pages.put("redirects-edit", "/admin/redirects/" + id + "/");
        pages.put("redirects-not-found", "/admin/redirects/not-found/");
        pages.put("redirects-gone", "/withdrawn-leaflet.pdf");
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

    private static String base() {
        return "http://localhost:" + server.server().port();
    }

    private static void open(String path) {
        driver.get(base() + path);
    }
}
