package org.vertebra.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The one Chromium and the one axe-core every browser suite of a test JVM shares. Starting Chromium
 * costs seconds and surefire runs every suite in one forked JVM (forkCount 1, reuseForks), so each
 * suite asks here in its {@code @BeforeAll} instead of starting its own; the browser is quit by a
 * shutdown hook when that JVM ends.
 *
 * <p>Each suite gets the browser as a fresh one would be: no cookies (they are per host, not per port,
 * so one suite's session would otherwise sign the next one in), no HTTP cache, no local storage at
 * the servers earlier suites ended at (each suite's server has a port of its own, which a later one
 * may be given again), no emulated viewport, no extra headers, the first window size, an empty
 * performance log and a blank page. Tests within a suite share state as they did with the suite's
 * own browser; those that want a fresh visitor per test clear cookies themselves, as before.
 *
 * <p>Suites run one after another (no parallel execution is configured); the browser is not meant
 * to be driven by two threads.
 */
final class BrowserSuite {

    private static ChromeDriver shared;
    private static Axe axe;
    /** The window a freshly started Chromium has, which suites that never resize were written against. */
    private static Dimension firstWindow;
    /** Origins the browser has been at, whose stored data the next suite must not see. */
    private static final Set<String> VISITED = new LinkedHashSet<>();

    private BrowserSuite() {
    }

    /** The shared browser, started on first use, reset for the calling suite. */
    static synchronized ChromeDriver driver() {
        if (shared == null) {
            shared = start();
        } else {
            reset(shared);
        }
        return shared;
    }

    /** axe-core, read from disk once. */
    static synchronized Axe axe() {
        if (axe == null) {
            axe = new Axe();
        }
        return axe;
    }

    private static ChromeDriver start() {
        try {
            // The performance log (every request the page makes) is what ConsentInBrowserTest reads;
            // it costs little and one browser cannot switch it on for one suite only.
            ChromeDriver driver = Browser.start(Files.createTempDirectory("vertebra-chromium"),
                    options -> options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL")));
            firstWindow = driver.manage().window().getSize();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "quit-shared-chromium"));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Goes to a blank page even from an editor with unsaved changes, whose "leave this page?" question
     * would otherwise stop the next suite's first command.
     */
    private static void leave(ChromeDriver driver) {
        try {
            acceptOpenQuestion(driver);
            driver.executeScript("window.onbeforeunload = null;"
                    + " window.addEventListener('beforeunload', e => e.stopImmediatePropagation(), true);");
            driver.get("about:blank");
        } catch (UnhandledAlertException asked) {
            acceptOpenQuestion(driver);
            driver.get("about:blank");
        }
        acceptOpenQuestion(driver);
    }

    private static void acceptOpenQuestion(ChromeDriver driver) {
        try {
            driver.switchTo().alert().accept();
        } catch (NoAlertPresentException none) {
            // nothing asked
        }
    }

    private static void reset(ChromeDriver driver) {
        acceptOpenQuestion(driver);
        String current = driver.getCurrentUrl();
        if (current != null && current.startsWith("http")) {
            URI uri = URI.create(current);
            VISITED.add(uri.getScheme() + "://" + uri.getAuthority());
        }
        leave(driver);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : VISITED) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(firstWindow);
        driver.manage().logs().get(LogType.PERFORMANCE); // reading the log empties it
    }
}
