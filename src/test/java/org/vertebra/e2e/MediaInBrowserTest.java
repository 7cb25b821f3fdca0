package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaUpload;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The media library and the editor's media picker in a real Chromium: with the keyboard alone an
 * editor opens the picker, searches, and inserts an image's Markdown where the cursor was, then
 * chooses the featured image from the images alone; a sound goes in as a player on lines of its
 * own; the library, an image's and a sound's page and the editor with the dialog open pass the
 * accessibility audit at both viewports.
 */
class MediaInBrowserTest {

    private static final String EMAIL = "mia@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;
    private static MediaItem knee;
    private static MediaItem shoulder;
    private static MediaItem breathing;
    private static long articleId;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-media"),
                TestClock.at("2025-03-01T09:00:00Z"));
        server.site().accounts.addUser(EMAIL, "Mia Editor", AccountRole.EDITOR, PASSWORD);
        var media = server.site().media;
        knee = media.upload(new MediaUpload("knee-front.png", picture(900, 600, 0x2f6f8f), "A knee seen from the front, standing"));
        shoulder = media.upload(new MediaUpload("shoulder.png", picture(800, 800, 0x8f5f2f), "A shoulder joint from the side"));
        media.upload(new MediaUpload("undescribed-hip.png", picture(700, 500, 0x4f8f3f), null));
        breathing = media.upload(new MediaUpload("breathing.wav", org.vertebra.media.TestSounds.wav(800),
                "A physiotherapist counts a slow breath in and out"));
        articleId = server.site().articleWriter.save(new ArticleDraft(Article.POST, "knee-exercises", "Knee exercises", null,
                "Demo content, not medical advice.\n\nGentle exercises may help some people.", null, shoulder.id(),
                Article.DRAFT, server.site().clock.instant(), null, null, null, null, false, List.of())).article().id();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anEditorInsertsAnImageAndChoosesTheFeaturedImageWithTheKeyboard() {
        WebElement text = editorWithTheCursorAtTheEnd();
        text.sendKeys("\n\n");

        text.sendKeys(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Insert image, sound or video");
        active().sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 4);
        assertThat(active().getAttribute("id")).isEqualTo("media-picker-q");
        assertThat(driver.findElement(By.id("media-picker-title")).getText()).isEqualTo("Insert an image, sound or video");
        active().sendKeys("knee");
        waitUntil(() -> driver.findElements(By.cssSelector(".media-picker-item")).size() == 1);
        assertThat(driver.findElement(By.id("media-picker-status")).getText()).startsWith("Showing 1 of 1 file.");
        active().sendKeys(Keys.TAB);
        assertThat(active().getText()).contains("knee-front.png", "A knee seen from the front");
        active().sendKeys(Keys.ENTER);

        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        String markdown = "![A knee seen from the front, standing](" + knee.url() + ")";
        assertThat(text.getAttribute("value")).isEqualTo(
                "Demo content, not medical advice.\n\nGentle exercises may help some people.\n\n" + markdown + "\n\n");
        assertThat(active().getAttribute("id")).as("back in the text, after the image").isEqualTo("markdown");
        assertThat(((Number) driver.executeScript("return arguments[0].selectionStart;", text)).intValue())
                .isEqualTo(text.getAttribute("value").length());
        waitUntil(() -> !driver.findElements(By.cssSelector("[data-preview-target] img[src='" + knee.url() + "']")).isEmpty());

        WebElement choose = driver.findElement(By.cssSelector("[data-media-picker=imageId] button"));
        choose.sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 3);
        assertThat(driver.findElement(By.id("media-picker-title")).getText()).isEqualTo("Choose the featured image");
        assertThat(driver.findElements(By.cssSelector("dialog.media-picker .media-placeholder"))).as("no sound as the featured image").isEmpty();
        active().sendKeys(Keys.ESCAPE);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        assertThat(active().getText()).as("Escape goes back to the button").isEqualTo(choose.getText());

        choose.sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 3);
        active().sendKeys(Keys.TAB);
        String first = active().getText();
        active().sendKeys(Keys.ARROW_DOWN);
        assertThat(active().getText()).as("the arrow keys move between images").isNotEqualTo(first);
        WebElement wanted = driver.findElement(By.xpath("//button[contains(@class,'media-picker-item')][contains(., 'knee-front.png')]"));
        while (!active().equals(wanted)) {
            active().sendKeys(Keys.ARROW_DOWN);
        }
        active().sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        assertThat(driver.findElement(By.id("imageId")).getAttribute("value")).isEqualTo(String.valueOf(knee.id()));
        Screenshots.save(driver, "media-picker-inserted-desktop");
    }

    @Test
    void anEditorInsertsASoundAsAPlayerOnLinesOfItsOwnThatThePreviewPlays() {
        WebElement text = editorWithTheCursorAtTheEnd();

        driver.findElement(By.cssSelector("[data-media-picker=markdown] button")).sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 4);
        active().sendKeys("breath");
        waitUntil(() -> driver.findElements(By.cssSelector(".media-picker-item")).size() == 1);
        WebElement item = driver.findElement(By.cssSelector(".media-picker-item"));
        assertThat(item.findElements(By.tagName("img"))).as("no broken picture of a sound").isEmpty();
        assertThat(item.getText()).contains("WAV audio", "breathing.wav", "counts a slow breath");
        active().sendKeys(Keys.TAB);
        active().sendKeys(Keys.ENTER);

        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        assertThat(text.getAttribute("value")).isEqualTo(
                "Demo content, not medical advice.\n\nGentle exercises may help some people.\n\n" + breathing.snippet() + "\n\n");
        waitUntil(() -> !driver.findElements(By.cssSelector("[data-preview-target] audio[controls][src='" + breathing.url() + "']")).isEmpty());
    }

    @Test
    void thePickerPutsAnImageOnLinesOfItsOwnEvenWithTheCursorBeforeAHeading() {
        WebElement text = editorWithTheCursorAtTheEnd();
        driver.executeScript("arguments[0].value = 'Exercise is safe.\\n## Why exercise helps';"
                + " arguments[0].focus(); arguments[0].setSelectionRange(17, 17);", text);

        driver.findElement(By.cssSelector("[data-media-picker=markdown] button")).click();
        By kneeItem = By.xpath("//dialog[@open]//button[contains(@class,'media-picker-item')][contains(., 'knee-front.png')]");
        waitUntil(() -> !driver.findElements(kneeItem).isEmpty());
        driver.findElement(kneeItem).click();
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());

        assertThat(text.getAttribute("value")).isEqualTo("Exercise is safe.\n\n![A knee seen from the front, standing]("
                + knee.url() + ")\n\n## Why exercise helps");
        waitUntil(() -> driver.findElements(By.cssSelector("[data-preview-target] h2")).stream()
                .anyMatch(h -> h.getText().equals("Why exercise helps")));
        leaveWithoutSaving();
    }

    @Test
    void twoImagesDroppedOnTheTextAreUploadedAndPutOnLinesOfTheirOwn() {
        WebElement text = editorWithTheCursorAtTheEnd();
        long before = server.site().media.list("", false, 1, 100).total();
        drop(text, "dropped-one.png", "dropped-two.png");

        waitUntil(() -> !driver.findElement(By.cssSelector(".drop-status")).getText().startsWith("Uploading"));
        assertThat(driver.findElement(By.cssSelector(".drop-status")).getText()).startsWith("2 files added to the text");
        String value = text.getAttribute("value");
        assertThat(value).startsWith("Demo content, not medical advice.\n\nGentle exercises may help some people.\n\n![](");
        assertThat(value).matches("(?s).*\\n\\n!\\[\\]\\([^)]*dropped-one[^)]*\\)\\n\\n!\\[\\]\\([^)]*dropped-two[^)]*\\)\\n\\n");
        assertThat(server.site().media.list("", false, 1, 100).total()).isEqualTo(before + 2);
        Screenshots.save(driver, "editor-dropped-two-images-desktop");
        leaveWithoutSaving();
        forget("dropped-");
    }

    @Test
    void twoImagesDroppedOnTheLibraryAreUploaded() {
        signIn();
        open("/admin/media/");
        long before = server.site().media.list("", false, 1, 100).total();
        drop(driver.findElement(By.cssSelector("form.upload-form")), "library-one.png", "library-two.png");

        waitUntil(() -> !driver.getCurrentUrl().endsWith("/admin/media/"));
        assertThat(driver.getCurrentUrl()).as(driver.findElement(By.tagName("main")).getText()).contains("done=several");
        assertThat(server.site().media.list("", false, 1, 100).total()).isEqualTo(before + 2);
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).startsWith("The files are uploaded.");
        forget("library-");
    }

    @Test
    void theToolbarsImageButtonOpensThePickerByKeyboardAndThePickerAlsoUploadsFromThisDevice() throws IOException {
        WebElement text = editorWithTheCursorAtTheEnd();
        text.sendKeys("\n\n");
        // The toolbar is one tab stop before the text; the arrow keys move inside it.
        text.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(active().getAttribute("data-format")).isEqualTo("bold");
        for (int i = 0; i < 12 && !"image".equals(active().getAttribute("data-format")); i++) {
            active().sendKeys(Keys.ARROW_RIGHT);
        }
        WebElement button = active();
        assertThat(button.getAttribute("data-format")).isEqualTo("image");
        assertThat(button.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent")).isEqualTo("Image, sound or video");
        button.sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 4);
        active().sendKeys("knee");
        waitUntil(() -> driver.findElements(By.cssSelector(".media-picker-item")).size() == 1);
        active().sendKeys(Keys.TAB);
        active().sendKeys(Keys.ENTER);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        String knee = "![A knee seen from the front, standing](" + MediaInBrowserTest.knee.url() + ")";
        assertThat(text.getAttribute("value")).isEqualTo(
                "Demo content, not medical advice.\n\nGentle exercises may help some people.\n\n" + knee + "\n\n");

        // Escape goes back to the toolbar's button.
        driver.findElement(By.cssSelector("[data-format=image]")).click();
        waitUntil(() -> !driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        active().sendKeys(Keys.ESCAPE);
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        assertThat(active().getAttribute("data-format")).isEqualTo("image");

        long before = server.site().media.list("", false, 1, 100).total();
        driver.executeScript("arguments[0].focus(); arguments[0].setSelectionRange(0, 0);", text);
        driver.findElement(By.cssSelector("[data-format=image]")).click();
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 4);
        Path file = Files.createTempDirectory("vertebra-picked").resolve("picked-upload.png");
        Files.write(file, picture(120, 90, 0x6f2f8f));
        driver.findElement(By.id("media-picker-file")).sendKeys(file.toString());
        waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open]")).isEmpty());
        assertThat(text.getAttribute("value")).matches("(?s)!\\[\\]\\([^)]*picked-upload[^)]*\\)\n\nDemo content.*");
        assertThat(server.site().media.list("", false, 1, 100).total()).isEqualTo(before + 1);
        leaveWithoutSaving();
        forget("picked-");
    }

    @Test
    void imagesPastedWithWordsTextAreUploadedAndTheirLibraryAddressesPutInTheText() throws IOException {
        WebElement text = editorWithTheCursorAtTheEnd();
        text.sendKeys("\n\n");
        long before = server.site().media.list("", false, 1, 100).total();
        paste(text, fixture("word-images.html"), "pasted-from-word.png");

        waitUntil(() -> dropStatus().startsWith("The 2 pasted images are in the library"));
        String value = text.getAttribute("value");
        assertThat(value).startsWith("Demo content, not medical advice.\n\nGentle exercises may help some people.\n\n"
                + "## Exercises that help\n\nDemo content written for this test, not medical advice. Start gently.\n\n");
        assertThat(value).matches("(?s).*\n\n!\\[A demo spine model\\]\\(/media/[^)]*pasted-image-\\d+\\.png\\)\n\n"
                + "!\\[A demo knee drawing\\]\\(/media/[^)]*pasted-from-word[^)]*\\)\n\n"
                + "A heel from the web keeps its address:\n\n!\\[A heel\\]\\(https://example.org/heel.jpg\\)");
        assertThat(value).doesNotContain("uploading-pasted-image", "data:", "file:");
        assertThat(server.site().media.list("", false, 1, 100).total()).isEqualTo(before + 2);
        waitUntil(() -> driver.findElements(By.cssSelector("[data-preview-target] img[src^='/media/']")).size() == 2);
        Screenshots.save(driver, "editor-pasted-images-desktop");
        auditBothSizes("editor-pasted-images");
        leaveWithoutSaving();
        forget("pasted-");
    }

    @Test
    void aPastedImageThatCannotBeUploadedIsMarkedWhereItWasAndThePastedTextIsKept() {
        WebElement text = editorWithTheCursorAtTheEnd();
        text.sendKeys("\n\n");
        long before = server.site().media.list("", false, 1, 100).total();
        paste(text, "<p>Keep this sentence.</p><p><img src=\"data:image/png;base64,AAAAAAAAAAAAAAAA\" alt=\"A broken picture\"></p>"
                + "<p><img src=\"file:///C:/Users/demo/clip_image001.png\" alt=\"A lost picture\"></p><p>And this one.</p>");

        waitUntil(() -> dropStatus().startsWith("No pasted image was uploaded"));
        assertThat(text.getAttribute("value")).endsWith("Keep this sentence.\n\n[Image not uploaded: A broken picture]\n\n"
                + "[Image not uploaded: A lost picture]\n\nAnd this one.");
        assertThat(dropStatus()).contains("\u201cA broken picture\u201d", "\u201cA lost picture\u201d: the clipboard did not carry the picture itself",
                "upload it in Media");
        assertThat(server.site().media.list("", false, 1, 100).total()).isEqualTo(before);
        auditBothSizes("editor-paste-not-uploaded");
        leaveWithoutSaving();
    }

    @Test
    void aPastedScreenshotWithoutTextIsUploadedAndPutOnLinesOfItsOwn() {
        WebElement text = editorWithTheCursorAtTheEnd();
        long before = server.site().media.list("", false, 1, 100).total();
        paste(text, null, "pasted-screenshot.png");

        waitUntil(() -> dropStatus().startsWith("One file added to the text and the library"));
        assertThat(text.getAttribute("value")).matches("(?s)Demo content, not medical advice\\.\n\nGentle exercises may help some people\\."
                + "\n\n!\\[\\]\\([^)]*pasted-screenshot[^)]*\\)\n\n");
        assertThat(server.site().media.list("", false, 1, 100).total()).isEqualTo(before + 1);
        leaveWithoutSaving();
        forget("pasted-");
    }

    private void auditBothSizes(String name) {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            axe.audit(driver, name + "-" + viewport.name().toLowerCase(), name + " at " + viewport, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static String dropStatus() {
        return driver.findElement(By.cssSelector(".drop-status")).getText();
    }

    /** Pastes this HTML as Word or a browser would, with PNG files beside it (drawn by the page) when named. */
    private static void paste(WebElement target, String html, String... files) {
        driver.executeAsyncScript("""
                var target = arguments[0], html = arguments[1], names = arguments[2], done = arguments[arguments.length - 1];
                var canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 30;
                var g = canvas.getContext('2d'); g.fillStyle = '#8f2f4f'; g.fillRect(0, 0, 40, 30);
                Promise.all(names.map(function (name) {
                  return new Promise(function (ok) { canvas.toBlob(function (blob) { ok(new File([blob], name, { type: 'image/png' })); }); });
                })).then(function (made) {
                  var data = new DataTransfer();
                  if (html !== null) {
                    data.setData('text/html', html);
                    data.setData('text/plain', 'the plain text is not used when there is HTML');
                  }
                  made.forEach(function (f) { data.items.add(f); });
                  target.focus();
                  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                  done();
                });
                """, target, html, List.of(files));
    }

    private static String fixture(String name) throws IOException {
        try (var in = MediaInBrowserTest.class.getResourceAsStream("/paste/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Deletes the files a test uploaded, so the other tests find the library as they left it. */
    private static void forget(String prefix) {
        server.site().media.list(prefix, false, 1, 100).entries()
                .forEach(e -> server.site().mediaRemoval.delete(e.item().id(), true));
    }

    /** Drops PNG files drawn by the page itself on the element, as a person dragging them from their desktop would. */
    private static void drop(WebElement target, String... names) {
        driver.executeAsyncScript("""
                var target = arguments[0], names = arguments[1], done = arguments[arguments.length - 1];
                var canvas = document.createElement('canvas'); canvas.width = 40; canvas.height = 30;
                var g = canvas.getContext('2d'); g.fillStyle = '#2f6f8f'; g.fillRect(0, 0, 40, 30);
                Promise.all(names.map(function (name, i) {
                  // Each file its own picture: the library keeps one copy of identical bytes.
                  var seed = name.split('').reduce(function (sum, c) { return (sum * 31 + c.charCodeAt(0)) % 16777216; }, 7);
                  g.fillStyle = '#' + ('00000' + seed.toString(16)).slice(-6); g.fillRect(5 * i, 5, 20, 20);
                  return new Promise(function (ok) { canvas.toBlob(function (blob) { ok(new File([blob], name, { type: 'image/png' })); }); });
                })).then(function (files) {
                  var data = new DataTransfer();
                  files.forEach(function (f) { data.items.add(f); });
                  target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
                  target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
                  done();
                });
                """, target, List.of(names));
    }

    /** Leaves an editor with unsaved changes, answering its question, and forgets the browser's copies. */
    private static void leaveWithoutSaving() {
        driver.executeScript("localStorage.clear(); setTimeout(function () { location.href = '/admin/'; }, 0);");
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(3))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
            driver.switchTo().alert().accept();
        } catch (org.openqa.selenium.TimeoutException noQuestion) {
            // Nothing was unsaved after all.
        }
        waitUntil(() -> driver.getCurrentUrl().endsWith("/admin/"));
        // Leaving keeps a last copy (the text field lost focus); these tests do not want it back.
        driver.executeScript("localStorage.clear();");
    }

    @Test
    void theLibraryAnItemAndTheEditorWithThePickerOpenPassTheAuditAtBothViewports() {
        signIn();
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            String size = viewport.name().toLowerCase();
            open("/admin/media/");
            axe.audit(driver, "media-library-" + size, "library at " + viewport, failures);
            open("/admin/media/?q=knee&filter=needs-description");
            axe.audit(driver, "media-library-search-" + size, "library search at " + viewport, failures);
            open("/admin/media/" + shoulder.id() + "/");
            axe.audit(driver, "media-item-" + size, "item at " + viewport, failures);
            open("/admin/media/" + breathing.id() + "/");
            axe.audit(driver, "media-sound-" + size, "a sound's page at " + viewport, failures);
            open("/admin/articles/" + articleId + "/edit/");
            driver.findElement(By.cssSelector("[data-media-picker=markdown] button")).click();
            waitUntil(() -> driver.findElements(By.cssSelector("dialog.media-picker[open] .media-picker-item")).size() == 4);
            axe.audit(driver, "media-picker-open-" + size, "editor with the picker at " + viewport, failures);
            Number inside = (Number) driver.executeScript("var r = document.querySelector('dialog.media-picker').getBoundingClientRect();"
                    + " return r.right <= window.innerWidth && r.left >= 0 ? 1 : 0;");
            assertThat(inside.intValue()).as("the dialog fits the screen at %s", viewport).isEqualTo(1);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    private static byte[] picture(int width, int height, int rgb) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(rgb));
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The article's editor on a desktop screen, the cursor at the end of its text. */
    private static WebElement editorWithTheCursorAtTheEnd() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        open("/admin/articles/" + articleId + "/edit/");
        WebElement text = driver.findElement(By.id("markdown"));
        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        return text;
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static void signIn() {
        SignIn.withPassword(driver, "http://localhost:" + server.server().port(), EMAIL, PASSWORD);
    }

    private static void open(String path) {
        driver.get("http://localhost:" + server.server().port() + path);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        Browser.waitUntil(driver, condition);
    }
}
