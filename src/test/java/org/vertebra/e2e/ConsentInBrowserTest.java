package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.vertebra.consent.ConsentPolicy;
import org.vertebra.consent.ConsentRecord;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The consent manager in a real Chromium, every request recorded by the browser's performance log:
 * before consent the home, an article with a YouTube video and the consultation page ask nothing of
 * any other host and get no cookie; Accept all loads the video's player; Global Privacy Control
 * keeps Statistics and Marketing off; a choice under an older policy asks again; and the banner and
 * the manage dialog work with the keyboard alone and pass the accessibility audit.
 */
class ConsentInBrowserTest {

    static final String ARTICLE = "/tennis-elbow-lateral-epicondylitis/";
    static final List<String> PAGES = List.of("/", "/teleconsult/", ARTICLE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-consent"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshVisitor() {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        Browser.resize(driver, Viewport.DESKTOP);
        driver.get(server.uri("/static/css/site.css").toString());
        driver.manage().deleteAllCookies();
        requests(); // empties the log
    }

    @Test
    void nothingLeavesTheSiteAndNoCookieIsSetBeforeConsentThenAcceptAllLoadsTheVideo() {
        for (String path : PAGES) {
            open(path);
            assertThat(banner().isDisplayed()).as("banner on " + path).isTrue();
        }
        assertThat(driver.findElements(By.cssSelector("figure.embed[data-embed-src*='youtube-nocookie.com/embed/DEMOvideo01']")))
                .as("the article's video waits as a placeholder").hasSize(1);
        assertThat(driver.findElements(By.tagName("iframe"))).isEmpty();
        List<Request> before = requests();
        assertThat(before).extracting(Request::url).anyMatch(u -> u.contains(ARTICLE)).anyMatch(u -> u.contains("/teleconsult/"));
        assertThat(before).as("no request to another host before consent").allMatch(r -> r.host().equals("localhost"));
        assertThat(before).as("no Set-Cookie before consent").noneMatch(Request::setsCookie);
        assertThat(driver.manage().getCookies()).isEmpty();
        assertThat(driver.executeScript("return document.cookie")).isEqualTo("");

        int logged = server.site().consent.count();
        driver.findElement(By.cssSelector("#consent-banner button[value=accept-all]")).click();
        Browser.waitUntil(driver, () -> !banner().isDisplayed());
        Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector("figure.embed iframe")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("figure.embed iframe")).getAttribute("src"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/DEMOvideo01");
        assertThat(driver.manage().getCookieNamed(ConsentPolicy.COOKIE_NAME).getValue())
                .matches("1\\.marketing\\+preferences\\+statistics\\.[A-Za-z0-9_-]+|1\\.preferences\\+statistics\\+marketing\\..+");
        assertThat(server.site().consent.count()).isEqualTo(logged + 1);
        ConsentRecord entry = server.site().consent.recent().get(0);
        assertThat(entry.categories()).contains("preferences", "statistics", "marketing");
        assertThat(entry.privacySignal()).isFalse();
        assertThat(entry.addressHash()).hasSize(64).doesNotContain("127.0.0.1");
        assertThat(driver.manage().getCookies()).extracting(Cookie::getName).containsOnly(ConsentPolicy.COOKIE_NAME);

        open(ARTICLE);
        assertThat(banner().isDisplayed()).as("the choice is honoured on the next page").isFalse();
        Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector("figure.embed iframe")).isEmpty());
    }

    @Test
    void theLoadVideoButtonAcceptsMarketingOnly() {
        open(ARTICLE);
        WebElement load = driver.findElement(By.cssSelector("figure.embed .embed-load"));
        assertThat(load.getText()).isEqualTo("Load video (accepts Marketing cookies for YouTube)");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", load);
        load.click();
        Browser.waitUntil(driver, () -> !driver.findElements(By.cssSelector("figure.embed iframe")).isEmpty());
        assertThat(driver.manage().getCookieNamed(ConsentPolicy.COOKIE_NAME).getValue()).startsWith("1.marketing.");
        assertThat(banner().isDisplayed()).isFalse();
    }

    @Test
    void globalPrivacyControlKeepsStatisticsAndMarketingOffEvenAfterAcceptAll() {
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
        Map<String, Object> script = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });"));
        try {
            open(ARTICLE);
            assertThat(driver.findElement(By.cssSelector("figure.embed .embed-signal")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector("figure.embed .embed-load")).isDisplayed()).isFalse();
            driver.findElement(By.cssSelector("#consent-banner button[value=accept-all]")).click();
            Browser.waitUntil(driver, () -> !banner().isDisplayed());
            assertThat(driver.manage().getCookieNamed(ConsentPolicy.COOKIE_NAME).getValue()).startsWith("1.preferences.");
            assertThat(driver.findElements(By.tagName("iframe"))).isEmpty();
            ConsentRecord entry = server.site().consent.recent().get(0);
            assertThat(entry.categories()).isEqualTo("preferences");
            assertThat(entry.privacySignal()).isTrue();
            assertThat(requests()).allMatch(r -> r.host().equals("localhost"));
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
        }
    }

    @Test
    void aChoiceUnderAnOlderPolicyVersionAsksAgain() {
        open("/");
        driver.manage().addCookie(new Cookie(ConsentPolicy.COOKIE_NAME, "0.marketing+preferences+statistics.oldchoice"));
        open(ARTICLE);
        assertThat(banner().isDisplayed()).isTrue();
        assertThat(driver.findElements(By.tagName("iframe"))).as("an old choice allows nothing").isEmpty();
    }

    @Test
    void theBannerAndManageDialogWorkWithTheKeyboardAloneAndPassTheAudit() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            driver.manage().deleteAllCookies();
            Browser.resize(driver, viewport);
            open(ARTICLE);
            audit("banner-" + viewport, failures);
            viewportShot("consent-banner-" + viewport.name().toLowerCase());

            WebElement manage = driver.findElement(By.cssSelector("#consent-banner button[value=manage]"));
            tabUntil(manage);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            WebElement dialog = driver.findElement(By.id("consent-dialog"));
            Browser.waitUntil(driver, dialog::isDisplayed);
            assertThat(active().getAttribute("id")).isEqualTo("consent-preferences");
            audit("dialog-" + viewport, failures);
            viewportShot("consent-dialog-" + viewport.name().toLowerCase());

            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            Browser.waitUntil(driver, () -> !dialog.isDisplayed());
            assertThat(active()).as("focus returns to Manage").isEqualTo(manage);

            new Actions(driver).sendKeys(Keys.ENTER).perform();
            Browser.waitUntil(driver, dialog::isDisplayed);
            new Actions(driver).sendKeys(Keys.TAB, Keys.TAB).perform(); // past the Preferences box and its details
            assertThat(active().getAttribute("id")).isEqualTo("consent-statistics");
            new Actions(driver).sendKeys(Keys.SPACE).perform();
            WebElement save = dialog.findElement(By.cssSelector(".consent-actions button:not([name])"));
            tabUntil(save);
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            Browser.waitUntil(driver, () -> !dialog.isDisplayed() && !banner().isDisplayed());
            assertThat(driver.manage().getCookieNamed(ConsentPolicy.COOKIE_NAME).getValue()).startsWith("1.statistics.");
            assertThat(driver.findElements(By.tagName("iframe"))).isEmpty();
        }
        assertThat(failures).as(() -> Axe.report(failures)).isEmpty();
    }

    @Test
    void theFooterLinkReopensTheChoiceAndTheNoScriptPageSavesIt() {
        open("/");
        driver.findElement(By.cssSelector("#consent-banner button[value=reject-all]")).click();
        Browser.waitUntil(driver, () -> !banner().isDisplayed());
        assertThat(driver.manage().getCookieNamed(ConsentPolicy.COOKIE_NAME).getValue()).startsWith("1.-.");
        driver.findElement(By.cssSelector(".site-footer a.consent-manage")).click();
        Browser.waitUntil(driver, () -> driver.findElement(By.id("consent-dialog")).isDisplayed());
        assertThat(driver.findElement(By.id("consent-marketing")).isSelected()).isFalse();
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();

        open("/consent/?back=/about/");
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        audit("consent-page", failures);
        assertThat(failures).as(() -> Axe.report(failures)).isEmpty();
        driver.findElement(By.cssSelector("main #consent-preferences")).click();
        driver.findElement(By.cssSelector("main .consent-actions button:not([name])")).click();
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().equals(server.uri("/about/").toString()));
        assertThat(driver.manage().getCookieNamed(ConsentPolicy.COOKIE_NAME).getValue()).startsWith("1.preferences.");
    }

    private void audit(String name, Map<String, List<Axe.Violation>> failures) {
        List<Axe.Violation> violations = axe.check(driver);
        if (!violations.isEmpty()) {
            failures.put(name, violations);
        }
    }

    /** What the visitor sees in the window (the banner and dialog are fixed to it, so a whole-page picture would hide them). */
    private void viewportShot(String name) {
        try {
            Files.createDirectories(Screenshots.FOLDER);
            Files.write(Screenshots.FOLDER.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void tabUntil(WebElement target) {
        for (int i = 0; i < 60 && !target.equals(active()); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(active()).as("reached by Tab").isEqualTo(target);
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private WebElement banner() {
        return driver.findElement(By.id("consent-banner"));
    }

    private void open(String path) {
        driver.get(server.uri(path).toString());
        Browser.waitUntil(driver, () -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** A request the page made, from the performance log's Network events. */
    record Request(String url, boolean setsCookie) {
        String host() {
            try {
                return URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }

    /** Every request since the last call (the log empties as it is read); data: and blob: addresses are no request. */
    private List<Request> requests() {
        List<Request> requests = new ArrayList<>();
        Set<String> cookieSetting = new java.util.HashSet<>();
        List<JsonNode> sent = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Network.requestWillBeSent")) {
                    sent.add(params);
                } else if (method.equals("Network.responseReceivedExtraInfo") || method.equals("Network.responseReceived")) {
                    JsonNode headers = method.equals("Network.responseReceived") ? params.path("response").path("headers")
                            : params.path("headers");
                    headers.fieldNames().forEachRemaining(name -> {
                        if (name.equalsIgnoreCase("set-cookie")) {
                            cookieSetting.add(params.path("requestId").asText());
                        }
                    });
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (JsonNode params : sent) {
            String url = params.path("request").path("url").asText();
            if (!url.startsWith("data:") && !url.startsWith("blob:")) {
                requests.add(new Request(url, cookieSetting.contains(params.path("requestId").asText())));
            }
        }
        return requests;
    }
}
