package org.vertebra.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** Whole-page screenshots under target/screenshots/, for a person to look at. */
final class Screenshots {

    static final Path FOLDER = Path.of(System.getProperty("vertebra.screenshots", "target/screenshots"));

    private Screenshots() {
    }

    @SuppressWarnings("unchecked")
    static Path save(ChromeDriver driver, String name) {
        loadLazyImages(driver);
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        long width = Math.round(((Number) size.get("width")).doubleValue());
        long height = Math.min(Math.round(((Number) size.get("height")).doubleValue()), 12_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = FOLDER.resolve(name + ".png");
        try {
            Files.createDirectories(FOLDER);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Images below the fold load lazily, only when scrolled near; a whole-page picture wants them
     * all, or a reader looking at it sees empty boxes that no real visitor would.
     */
    /** A picture of what the viewport shows, nothing below it: the first screen a reader sees. */
    static Path saveScreen(ChromeDriver driver, String name) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Path file = FOLDER.resolve(name + ".png");
        try {
            Files.createDirectories(FOLDER);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A picture of one element only, to look at a panel closely. */
    static Path saveElement(org.openqa.selenium.WebElement element, String name) {
        try {
            java.nio.file.Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name + ".png");
            java.nio.file.Files.write(file, element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void loadLazyImages(ChromeDriver driver) {
        driver.executeScript("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');");
        Browser.waitUntil(driver, () -> (Boolean) driver.executeScript(
                "return Array.from(document.images).every(i => i.complete);"));
    }
}
