package org.vertebra.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its chromedriver, headless, with the flags that work on these
 * machines. Without them the suite fails under CI (a missing browser must not pass silently) and is
 * skipped, loudly, elsewhere.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("vertebra.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("vertebra.chromedriver", "/usr/bin/chromedriver"));

    /** The two viewports every page is checked at. */
    enum Viewport {
        DESKTOP(1280, 800), PHONE(390, 844);

        final int width;
        final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private Browser() {
    }

    static ChromeDriver start(Path profile) {
        return start(profile, options -> { });
    }

    /** As {@link #start(Path)}, with further options (such as the performance log that records every request). */
    static ChromeDriver start(Path profile, java.util.function.Consumer<ChromeOptions> more) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        more.accept(options);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile.toAbsolutePath()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Answers the consent banner as a reader who wants nothing optional ("Reject all"), when it
     * shows: it lies over the foot of the window until then, where a pointer cannot reach what is
     * under it. Pages without the banner (the admin's) are left as they are.
     */
    static void answerConsentBanner(ChromeDriver driver) {
        java.util.List<org.openqa.selenium.WebElement> banners = driver.findElements(org.openqa.selenium.By.id("consent-banner"));
        if (!banners.isEmpty() && banners.get(0).isDisplayed()) {
            banners.get(0).findElement(org.openqa.selenium.By.cssSelector("button[value=reject-all]")).click();
            waitUntil(driver, () -> !driver.findElement(org.openqa.selenium.By.id("consent-banner")).isDisplayed());
        }
    }

    /** Makes the page's viewport exactly this size (the window adds its frame around it). */
    static void resize(ChromeDriver driver, Viewport viewport) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", viewport.width, "height", viewport.height, "deviceScaleFactor", 1,
                "mobile", viewport == Viewport.PHONE));
        driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
    }

    /**
     * Waits up to 8 s for the condition, as a person waits for a page. An element of the page being
     * replaced (after a form is sent) reads as "not yet", not as a failure.
     */
    static void waitUntil(ChromeDriver driver, java.util.function.BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(8))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> stillLoadingOr(condition));
    }

    /**
     * An element read while the page is being replaced is stale; Chromium sometimes says so as a
     * plain inspector error ("Node with given id does not belong to the document") rather than as a
     * stale element, so that answer means "not yet" too. Any other error still fails the wait.
     */
    private static boolean stillLoadingOr(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            throw e;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return false;
            }
            throw e;
        }
    }

    private static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): install Debian's chromium and chromium-driver packages, as .ci/run does.";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message);
        }
        System.err.println("SKIPPED browser tests: " + message);
        Assumptions.abort(message);
    }
}
