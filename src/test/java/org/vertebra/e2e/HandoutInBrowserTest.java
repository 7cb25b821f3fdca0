package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
import org.vertebra.handout.HandoutArticle;
import org.vertebra.handout.HandoutPdfReader;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * An article printed from Chromium (headless print-to-PDF through the DevTools protocol, as
 * "Print" or "Save as PDF" in the browser) is a handout: the print stylesheet keeps the title, key
 * points and every reference with its addresses, adds the article's address and a QR code to it,
 * and leaves out what only a screen needs. On screen, the key points sit above the text and the
 * page passes the accessibility audit.
 */
class HandoutInBrowserTest {

    private static final String ARTICLE = "/" + HandoutArticle.SLUG + "/";

    private static TestServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        Path folder = Files.createTempDirectory("vertebra-e2e-handout");
        server = TestServer.empty(TestDatabase.SQLITE, Files.createDirectories(folder.resolve("site")), java.time.Clock.systemUTC());
        HandoutArticle.importInto(server, folder.resolve("articles"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void chromiumsPrintHoldsTheTitleKeyPointsEveryReferenceAndTheAddressWithAQrCodeToIt() {
        Browser.resize(driver, Viewport.DESKTOP);
        driver.get(server.uri(ARTICLE).toString());
        // As a reader who has read down the page: its figures (loaded lazily, when near) are in.
        driver.executeScript("window.scrollTo(0, document.body.scrollHeight);");
        Browser.waitUntil(driver, () -> (Boolean) driver.executeScript(
                "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0);"));
        Map<String, Object> printed = driver.executeCdpCommand("Page.printToPDF", Map.of(
                "printBackground", true, "preferCSSPageSize", true));
        byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));

        try (HandoutPdfReader handout = new HandoutPdfReader(pdf)) {
            String text = handout.textWithoutSpaces();
            assertThat(text).contains(HandoutPdfReader.withoutSpaces(HandoutArticle.TITLE));
            assertThat(handout.text()).contains("Key points", "What you can do", "References");
            for (String line : concat(HandoutArticle.KEY_POINTS, HandoutArticle.ACTIONS)) {
                assertThat(text).contains(HandoutPdfReader.withoutSpaces(line));
            }
            for (List<String> reference : HandoutArticle.REFERENCES) {
                for (String part : reference) {
                    assertThat(text).as("reference text or address").contains(HandoutPdfReader.withoutSpaces(part));
                }
            }
            assertThat(text).contains(HandoutArticle.address());
            assertThat(handout.text()).contains("Written by Dr Jane Doe", "Medically reviewed by Dr John Roe on 1 June 2024");
            assertThat(handout.qrCodeOnFirstPage()).isEqualTo(HandoutArticle.address());
            assertThat(handout.images()).as("the article's figure (the QR code is drawn as vectors)").isPositive();
            // What a screen needs and paper does not: menus, the sidebar, the consent banner, sharing, comments.
            assertThat(handout.text()).doesNotContain("Browse Articles", "Skip to", "Your privacy on this site", "Share:",
                    "Leave a comment", "Print or save as PDF", "In this article");
            handout.savePage(0, "handout-print-page-1");
        }
    }

    @Test
    void onScreenTheKeyPointsLeadTheArticleAndThePdfIsOneLinkAwayWhileThePrintHeaderStaysHidden() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        Axe axe = BrowserSuite.axe();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            driver.get(server.uri(ARTICLE).toString());
            WebElement points = driver.findElement(By.cssSelector("aside.key-points[aria-labelledby=key-points-title]"));
            assertThat(points.isDisplayed()).isTrue();
            assertThat(points.findElement(By.tagName("h2")).getText()).isEqualTo("Key points");
            assertThat(points.findElements(By.tagName("li")).stream().map(WebElement::getText).toList())
                    .containsExactlyElementsOf(HandoutArticle.KEY_POINTS);
            WebElement actions = driver.findElement(By.cssSelector("aside.key-actions"));
            assertThat(actions.findElement(By.tagName("h2")).getText()).isEqualTo("What you can do");
            assertThat(actions.getLocation().getY()).isLessThan(
                    driver.findElement(By.cssSelector(".entry-content")).getLocation().getY());
            assertThat(driver.findElement(By.cssSelector(".handout-header")).isDisplayed()).isFalse();
            WebElement link = driver.findElement(By.linkText("Print or save as PDF"));
            assertThat(link.getAttribute("href")).isEqualTo(server.uri(ARTICLE + "handout.pdf").toString());
            axe.audit(driver, "handout-article-" + viewport.name().toLowerCase(), ARTICLE + " at " + viewport, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
