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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.access.AccountRole;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The trust signals in a real Chromium: "About this article's evidence" on a demo article, the
 * benchmarks, readability and plain-words panels in the editor, the evidence report and the trust
 * settings; each passes the accessibility audit at both viewports.
 */
class TrustInBrowserTest {

    private static final String EMAIL = "ada@example.org";
    private static final String PASSWORD = "a long enough password";
    private static final String ARTICLE = "/low-back-pain-when-to-worry/";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-trust"));
        server.site().accounts.addUser(EMAIL, "Ada Admin", AccountRole.ADMIN, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReaderFindsTheEvidenceSummaryBelowTheReferencesAndFollowsItsLinks() {
        Browser.resize(driver, Viewport.DESKTOP);
        open(ARTICLE);
        WebElement summary = driver.findElement(By.cssSelector("section.evidence-summary"));
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("About this article's evidence");
        assertThat(summary.findElement(By.cssSelector("[data-benchmark=authorship]")).getText()).startsWith("Written by Dr ");
        assertThat(summary.findElement(By.cssSelector("[data-benchmark=attribution]")).getText())
                .matches("Sources: \\d+ references, \\d+ with a DOI or PubMed number \\(PMID\\) that leads to the study\\.");
        assertThat(summary.findElement(By.cssSelector("[data-benchmark=disclosure]")).getText())
                .isEqualTo("Disclosure: Demo article. The author declares no conflicts of interest.");
        assertThat(summary.findElements(By.cssSelector("[data-benchmark=currency] time"))).isNotEmpty();
        Screenshots.saveElement(summary, "trust-summary-desktop");

        // The sources link leads to the references by keyboard.
        WebElement sources = summary.findElement(By.cssSelector("[data-benchmark=attribution] a"));
        sources.sendKeys(Keys.ENTER);
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("#references"));
        open(ARTICLE);
        Browser.answerConsentBanner(driver);
        driver.findElement(By.linkText("Our editorial policy")).click();
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/editorial-policy/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Editorial Policy");
    }

    @Test
    void anEditorSeesTheBenchmarksGradesBySectionAndPlainWords() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        long id = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        open("/admin/articles/" + id + "/edit/");

        assertThat(driver.findElements(By.cssSelector("[data-check=benchmarks] li[data-benchmark]"))).hasSize(4);
        assertThat(driver.findElement(By.cssSelector("[data-check=figures]")).getText()).contains("SMOG grade", "Gunning Fog");
        assertThat(driver.findElements(By.cssSelector("[data-check=sections] tbody tr")).size()).isGreaterThan(1);
        assertThat(driver.findElement(By.cssSelector("[data-check=jargon]")).getText()).contains("English glossary");
        Screenshots.saveElement(driver.findElement(By.cssSelector(".editor-side")), "trust-editor-panels-desktop");
    }

    @Test
    void everyTrustPagePassesTheAuditAtBothViewports() {
        signIn();
        long id = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("trust-article", ARTICLE);
        pages.put("trust-policy", "/editorial-policy/");
        pages.put("trust-editor", "/admin/articles/" + id + "/edit/");
        pages.put("trust-report", "/admin/articles/evidence/");
        pages.put("trust-settings", "/admin/settings/trust/");
        pages.put("trust-dashboard", "/admin/");
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

    private static void signIn() {
        SignIn.withPassword(driver, "http://localhost:" + server.server().port(), EMAIL, PASSWORD);
    }

    private static void open(String path) {
        driver.get("http://localhost:" + server.server().port() + path);
    }
}
