package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vertebra.access.AccountRole;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * An editor's week in a real Chromium: sign in, write, watch the live preview and the checks, add
 * a reference, publish, and find the article on the site; every desk page passes the same
 * accessibility audit as the public ones, at both viewports.
 */
class EditorInBrowserTest {

    private static final String EMAIL = "eve@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;
    private static org.vertebra.access.User eve;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-editor"));
        eve = server.site().accounts.addUser(EMAIL, "Eve Editor", AccountRole.EDITOR, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void editorWritesPreviewsAddsAReferencePublishesAndReadsItOnTheSite() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        open("/admin/articles/new/");
        driver.findElement(By.id("title")).sendKeys("Shoulder impingement: a demo guide");
        WebElement text = driver.findElement(By.id("markdown"));
        text.sendKeys("Demo content - not medical advice.\n\n## What it is\n\nThe tendons of the shoulder can rub. "
                + "A small trial followed patients for a year [1].\n\n");

        // The live preview renders the heading without a page load.
        waitUntil(() -> !driver.findElements(By.cssSelector("[data-preview-target] h2")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-preview-target] h2")).getText()).isEqualTo("What it is");

        // A made-up reference, written for this test.
        text.sendKeys("## References\n\n- Demo A, Sample B. A trial invented for this test. J Demo Orthop. 2020;1(1):1-9."
                + " PMID: 12345678\n");
        driver.findElement(By.cssSelector("button[value=preview]")).click();
        waitUntil(() -> driver.findElements(By.cssSelector(".preview .references li")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("[data-check=evidence]")).getText()).contains("every reference is cited");
        Screenshots.save(driver, "editor-preview-desktop");

        driver.findElement(By.cssSelector("button[value=publish]")).click();
        waitUntil(() -> driver.getCurrentUrl().contains("done=published"));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Published.");

        server.server().refreshCache();
        driver.findElement(By.linkText("View on the site")).click();
        waitUntil(() -> driver.getCurrentUrl().endsWith("/shoulder-impingement-a-demo-guide/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Shoulder impingement: a demo guide");
        WebElement reference = driver.findElement(By.cssSelector(".references li a[href*='pubmed']"));
        assertThat(reference.getAttribute("href")).endsWith("/12345678/");
    }

    @Test
    void everyDeskPagePassesTheAuditAtBothViewports() {
        signIn();
        long id = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        String edit = "/admin/articles/" + id + "/edit/";
        // Its references end in bare addresses, long words that once widened the phone's page by 71 pixels.
        long longReferences = server.site().articleWriter.bySlug("frozen-shoulder-stages").orElseThrow().id();
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            for (Map.Entry<String, String> page : Map.of(
                    "desk", "/admin/articles/",
                    "editor", edit,
                    "editor-long-references", "/admin/articles/" + longReferences + "/edit/",
                    "editor-new", "/admin/articles/new/",
                    "revisions", "/admin/articles/" + id + "/revisions/",
                    "compare", "/admin/articles/" + id + "/compare/").entrySet()) {
                open(page.getValue());
                axe.audit(driver, page.getKey() + "-" + viewport.name().toLowerCase(), page.getValue() + " at " + viewport, failures);
            }
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    @Test
    void unsavedTextIsKeptThroughAReloadWithAWarningAndCtrlSSavesIt() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        long id = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        String edit = "/admin/articles/" + id + "/edit/";
        open(edit);
        WebElement text = driver.findElement(By.id("markdown"));
        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nA sentence typed but not saved yet.");
        // A published article's changes are kept in the browser, then on the site too.
        waitUntil(() -> driver.findElement(By.cssSelector("[data-unsaved-status]")).getText()
                .matches("(Kept in this browser|Your changes are kept on the site).*"));

        // Leaving asks first (the page cancels its unload); the writer leaves anyway, as a crash or a closed tab would.
        assertThat(driver.executeScript("return " + ASKS + ";")).isEqualTo(true);
        leave(() -> driver.executeScript("setTimeout(function () { location.reload(); }, 0);"));
        waitUntil(() -> !driver.findElements(By.cssSelector(".unsaved-offer")).isEmpty());
        assertThat(driver.findElement(By.id("markdown")).getAttribute("value")).doesNotContain("not saved yet");
        assertThat(driver.findElement(By.cssSelector(".unsaved-offer p")).getText())
                .matches("You have unsaved changes from \\d\\d:\\d\\d\\.");
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            axe.audit(driver, "editor-restore-offer-" + viewport.name().toLowerCase(), edit + " with the offer at " + viewport, failures);
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();

        driver.findElement(By.cssSelector("[data-unsaved=restore]")).click();
        assertThat(driver.findElement(By.id("markdown")).getAttribute("value")).endsWith("A sentence typed but not saved yet.");
        Screenshots.save(driver, "editor-restored-desktop");

        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "s"));
        waitUntil(() -> driver.getCurrentUrl().contains("done=saved"));
        assertThat(server.site().articles.byId(id).orElseThrow().bodyMarkdown()).endsWith("A sentence typed but not saved yet.");
        assertThat(driver.findElements(By.cssSelector(".unsaved-offer"))).as("nothing left to restore after the save").isEmpty();
        assertThat(driver.executeScript("return localStorage.getItem('vertebra-unsaved:/admin/articles/" + id + "/');")).isNull();
        assertThat(server.site().autosaves.of(eve, id)).as("nor on the site").isEmpty();
        // Saved: leaving asks nothing.
        assertThat(driver.executeScript("return " + ASKS + ";")).isEqualTo(false);
    }

    @Test
    void aNewArticleIsSavedOnTheSiteAsADraftOnItsOwnAndSaveThenStillWorks() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        long published = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        open("/admin/articles/" + published + "/edit/");
        assertThat(driver.findElement(By.cssSelector("form.editor-form")).getAttribute("data-autosave"))
                .as("a published article's public text never changes on its own").isNull();

        open("/admin/articles/new/");
        assertThat(driver.findElement(By.cssSelector("form.editor-form")).getAttribute("data-autosave")).isEqualTo("30");
        // The test does not wait 30 s: the same save, a second after the change.
        driver.executeScript("document.querySelector('form.editor-form').setAttribute('data-autosave', '1');");
        driver.findElement(By.id("title")).sendKeys("Knee pain: saved on its own");
        driver.findElement(By.id("markdown")).sendKeys("Demo content - not medical advice.\n\nRest the knee for a day.");
        waitUntil(() -> driver.findElement(By.cssSelector("[data-unsaved-status]")).getText().startsWith("Draft saved on the site"));
        var draft = server.site().articleWriter.bySlug("knee-pain-saved-on-its-own").orElseThrow();
        assertThat(draft.isPublished()).isFalse();
        assertThat(draft.bodyMarkdown()).endsWith("Rest the knee for a day.");
        assertThat(driver.getCurrentUrl()).endsWith("/admin/articles/" + draft.id() + "/edit/");
        assertThat(driver.findElement(By.cssSelector("form.editor-form")).getAttribute("action"))
                .endsWith("/admin/articles/" + draft.id() + "/");
        assertThat(driver.executeScript("return " + ASKS + ";")).as("nothing left unsaved").isEqualTo(false);

        driver.findElement(By.id("markdown")).sendKeys(" Then walk a little.");
        waitUntil(() -> server.site().articles.byId(draft.id()).orElseThrow().bodyMarkdown().endsWith("walk a little."));
        driver.findElement(By.id("markdown")).sendKeys(" Ice helps.");
        driver.findElement(By.id("markdown")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
        waitUntil(() -> driver.getCurrentUrl().contains("done=saved"));
        assertThat(server.site().articles.byId(draft.id()).orElseThrow().bodyMarkdown()).endsWith("Ice helps.");
        assertThat(server.site().articleWriter.bySlug("knee-pain-saved-on-its-own-2")).as("one article, not two").isEmpty();
    }

    @Test
    void saveAndPublishStayInViewAtBothViewports() {
        signIn();
        long id = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            open("/admin/articles/" + id + "/edit/");
            WebElement save = driver.findElement(By.cssSelector(".editor-actions button[value=save]"));
            for (double at : new double[] {0, 0.5}) {
                driver.executeScript("window.scrollTo(0, document.querySelector('form.editor-form').offsetHeight * arguments[0]);", at);
                Number top = (Number) driver.executeScript("return arguments[0].getBoundingClientRect().bottom;", save);
                assertThat(top.doubleValue()).as("Save's foot at " + at + " of the form, " + viewport)
                        .isBetween(0.0, (double) viewport.height);
            }
            Screenshots.save(driver, "editor-actions-" + viewport.name().toLowerCase());
        }
        Browser.resize(driver, Viewport.DESKTOP);
    }

    @Test
    void sidePanelsFollowTheTextAsItIsTyped() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        open("/admin/articles/new/");
        driver.executeScript("document.querySelector('form.editor-form').removeAttribute('data-autosave');");
        driver.findElement(By.id("title")).sendKeys("Hip pain: a demo guide");
        WebElement text = driver.findElement(By.id("markdown"));
        text.sendKeys("Demo content - not medical advice.\n\n## What it is\n\nPain in the acetabulum can be acute. "
                + "A small trial followed patients for a year [1].\n\n");
        waitUntil(() -> driver.findElement(By.cssSelector("[data-benchmark=attribution]")).getAttribute("class").equals("missed"));
        waitUntil(() -> driver.findElement(By.cssSelector("[data-check=jargon]")).getText().contains("acetabulum"));
        assertThat(driver.findElement(By.cssSelector("[data-check=evidence]")).getText()).contains("matches no reference");

        text.sendKeys("## References\n\n- Demo A, Sample B. A trial invented for this test. J Demo Orthop. 2020;1(1):1-9."
                + " PMID: 12345678\n");
        waitUntil(() -> driver.findElement(By.cssSelector("[data-benchmark=attribution]")).getAttribute("class").equals("met"));
        waitUntil(() -> driver.findElement(By.cssSelector("[data-check=evidence]")).getText().contains("every reference is cited"));
        assertThat(driver.findElements(By.cssSelector(".preview .references li"))).hasSize(1);
        Screenshots.save(driver, "editor-live-panels-desktop");
        // Nothing was saved by the checks.
        assertThat(server.site().articleWriter.bySlug("hip-pain-a-demo-guide")).isEmpty();
        leaveWithoutSaving();
    }

    @Test
    void thePematPanelFollowsTheTextSavesItsAnswersAndPassesTheAuditAtBothViewports() {
        signIn();
        long id = server.site().articleWriter.bySlug("low-back-pain-when-to-worry").orElseThrow().id();
        String edit = "/admin/articles/" + id + "/edit/";
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            open(edit);
            driver.executeScript("document.getElementById('pemat').open = true;");
            axe.audit(driver, "editor-pemat-" + viewport.name().toLowerCase(), edit + " with the PEMAT items open at " + viewport, failures);
            Screenshots.save(driver, "editor-pemat-" + viewport.name().toLowerCase());
        }
        assertThat(failures).as(Axe.report(failures)).isEmpty();

        Browser.resize(driver, Viewport.DESKTOP);
        open("/admin/articles/new/");
        driver.executeScript("document.querySelector('form.editor-form').removeAttribute('data-autosave');");
        driver.findElement(By.id("title")).sendKeys("Knee pain: steps to take");
        driver.findElement(By.id("markdown")).sendKeys("Knee pain often settles.\n\n");
        waitUntil(() -> driver.findElement(By.cssSelector("[data-pemat-item='22'] [data-pemat-vertebra]")).getAttribute("textContent")
                .equals("For you to answer."));
        driver.findElement(By.id("markdown")).sendKeys("1. Rest the knee for a day.\n2. Then walk a little more each day.\n");
        waitUntil(() -> driver.findElement(By.cssSelector("[data-pemat-item='22'] [data-pemat-vertebra]")).getAttribute("textContent")
                .equals("Vertebra: Agree."));
        driver.executeScript("document.getElementById('pemat').open = true;");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("pemat_1"))).selectByValue("agree");
        driver.findElement(By.cssSelector("form.editor-form button[value=save]")).click();
        waitUntil(() -> driver.getCurrentUrl().contains("done=created"));
        long created = server.site().articleWriter.bySlug("knee-pain-steps-to-take").orElseThrow().id();
        assertThat(server.site().pemat.answers(created)).containsEntry(org.vertebra.pemat.PematItem.PURPOSE_EVIDENT,
                org.vertebra.pemat.Rating.AGREE);
        assertThat(driver.findElement(By.cssSelector("#pemat_1 option:checked")).getAttribute("value")).isEqualTo("agree");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"word", "google-docs", "web"})
    void htmlPastedFromWordGoogleDocsOrAWebPageArrivesAsCleanMarkdown(String clipboard) throws IOException {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        open("/admin/articles/new/");
        WebElement text = driver.findElement(By.id("markdown"));
        text.click();
        driver.executeScript("""
                var data = new DataTransfer();
                data.setData('text/html', arguments[1]);
                data.setData('text/plain', 'the plain text is not used when there is HTML');
                arguments[0].dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                """, text, fixture(clipboard + ".html"));

        assertThat(text.getAttribute("value")).isEqualTo(fixture(clipboard + ".md").strip());
        waitUntil(() -> !driver.findElements(By.cssSelector("[data-preview-target] h2")).isEmpty());
        if (clipboard.equals("word")) {
            assertThat(driver.findElements(By.cssSelector("[data-preview-target] table td"))).hasSize(2);
            Screenshots.save(driver, "editor-pasted-word-desktop");
        }
        leaveWithoutSaving();
    }

    @Test
    void theToolbarAndItsShortcutsFormatTheSelection() {
        Browser.resize(driver, Viewport.PHONE);
        signIn();
        open("/admin/articles/new/");
        WebElement text = driver.findElement(By.id("markdown"));
        text.sendKeys("Rest helps\nWalk daily");
        driver.executeScript("arguments[0].setSelectionRange(0, 4);", text);
        driver.findElement(By.cssSelector("[data-format=bold]")).click();
        assertThat(text.getAttribute("value")).isEqualTo("**Rest** helps\nWalk daily");

        driver.executeScript("arguments[0].setSelectionRange(arguments[0].value.length - 5, arguments[0].value.length);", text);
        text.sendKeys(Keys.chord(Keys.CONTROL, "i"));
        assertThat(text.getAttribute("value")).isEqualTo("**Rest** helps\nWalk *daily*");
        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "8"));
        assertThat(text.getAttribute("value")).isEqualTo("**Rest** helps\n- Walk *daily*");
        driver.executeScript("arguments[0].setSelectionRange(0, 0);", text);
        driver.findElement(By.cssSelector("[data-format=heading]")).click();
        assertThat(text.getAttribute("value")).isEqualTo("## **Rest** helps\n- Walk *daily*");
        driver.executeScript("arguments[0].setSelectionRange(12, 17);", text);
        text.sendKeys(Keys.chord(Keys.CONTROL, "k"));
        assertThat(text.getAttribute("value")).isEqualTo("## **Rest** [helps](https://)\n- Walk *daily*");

        // A table goes on lines of its own, its first heading selected: typing names the column.
        driver.executeScript("arguments[0].setSelectionRange(29, 29);", text);
        driver.findElement(By.cssSelector("[data-format=table]")).click();
        assertThat(text.getAttribute("value")).isEqualTo("## **Rest** [helps](https://)\n\n| Heading | Heading |\n| --- | --- |\n"
                + "| Text | Text |\n\n- Walk *daily*");
        text.sendKeys("Exercise");
        assertThat(text.getAttribute("value")).contains("\n\n| Exercise | Heading |\n| --- | --- |\n| Text | Text |\n\n- Walk");
        waitUntil(() -> driver.findElements(By.cssSelector("[data-preview-target] table th")).stream()
                .anyMatch(th -> th.getText().equals("Exercise")));
        assertThat(driver.findElements(By.cssSelector("[data-preview-target] h2"))).as("the heading before it still a heading").hasSize(1);
        Screenshots.save(driver, "editor-toolbar-phone");
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        axe.audit(driver, "editor-toolbar-phone", "the editor with its toolbar at " + Viewport.PHONE, failures);
        Browser.resize(driver, Viewport.DESKTOP);
        axe.audit(driver, "editor-toolbar-desktop", "the editor with its toolbar and a table at " + Viewport.DESKTOP, failures);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
        List<String> names = driver.findElements(By.cssSelector(".markdown-toolbar button")).stream()
                .map(b -> b.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent")).toList();
        assertThat(names).containsExactly("Bold", "Italic", "Heading", "List", "Quote", "Link", "Table", "Image, sound or video",
                "Reference by DOI or PMID");
        leaveWithoutSaving();
    }

    @Test
    void aPublishedArticlesUnsavedChangesAreKeptOnTheSiteAndOfferedInAnotherBrowserUntilSaved() {
        Browser.resize(driver, Viewport.DESKTOP);
        signIn();
        long id = server.site().articleWriter.bySlug("wrist-fracture-care").orElseThrow().id();
        String published = server.site().articles.byId(id).orElseThrow().bodyMarkdown();
        String edit = "/admin/articles/" + id + "/edit/";
        open(edit);
        driver.findElement(By.id("markdown")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nA safety fix typed on the clinic's computer.");
        waitUntil(() -> driver.findElement(By.cssSelector("[data-unsaved-status]")).getText().startsWith("Your changes are kept on the site"));
        assertThat(server.site().autosaves.of(eve, id).orElseThrow().fields().get("markdown")).endsWith("on the clinic's computer.");
        assertThat(server.site().articles.byId(id).orElseThrow().bodyMarkdown()).as("readers see the saved text").isEqualTo(published);

        // Another browser: nothing kept in it, the offer comes from the site.
        anotherBrowser(edit);
        waitUntil(() -> !driver.findElements(By.cssSelector(".unsaved-offer")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".unsaved-offer p")).getText()).matches("You have unsaved changes from \\d\\d:\\d\\d\\.");
        assertThat(driver.findElement(By.id("markdown")).getAttribute("value")).isEqualTo(published);
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            axe.audit(driver, "editor-site-autosave-offer-" + viewport.name().toLowerCase(), edit + " with the site's offer at " + viewport, failures);
            Screenshots.save(driver, "editor-site-autosave-offer-" + viewport.name().toLowerCase());
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();

        driver.findElement(By.cssSelector("[data-unsaved=restore]")).click();
        assertThat(driver.findElement(By.id("markdown")).getAttribute("value")).endsWith("on the clinic's computer.");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "s"));
        waitUntil(() -> driver.getCurrentUrl().contains("done=saved"));
        assertThat(server.site().articles.byId(id).orElseThrow().bodyMarkdown()).endsWith("on the clinic's computer.");
        assertThat(server.site().autosaves.of(eve, id)).as("saved: the slot is empty").isEmpty();
        anotherBrowser(edit);
        assertThat(driver.findElements(By.cssSelector(".unsaved-offer"))).isEmpty();

        // Discarded changes are gone from the site too.
        driver.findElement(By.id("markdown")).sendKeys(Keys.chord(Keys.CONTROL, Keys.END), " A second thought.");
        waitUntil(() -> server.site().autosaves.of(eve, id).isPresent());
        anotherBrowser(edit);
        waitUntil(() -> !driver.findElements(By.cssSelector(".unsaved-offer")).isEmpty());
        driver.findElement(By.cssSelector("[data-unsaved=discard]")).click();
        waitUntil(() -> server.site().autosaves.of(eve, id).isEmpty());
        assertThat(server.site().articles.byId(id).orElseThrow().bodyMarkdown()).doesNotContain("second thought");
    }

    /** Opens the page as another browser of the same writer would: with nothing kept in this one. */
    private static void anotherBrowser(String path) {
        leave(() -> driver.executeScript("localStorage.clear(); setTimeout(function () { location.href = '/admin/'; }, 0);"));
        waitUntil(() -> driver.getCurrentUrl().endsWith("/admin/"));
        driver.executeScript("localStorage.clear();");
        open(path);
    }

    private static String fixture(String name) throws IOException {
        try (var in = EditorInBrowserTest.class.getResourceAsStream("/paste/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Whether the page would ask before it is left: a beforeunload that the page cancels. */
    private static final String ASKS = "(function () { var e = new Event('beforeunload', { cancelable: true });"
            + " window.dispatchEvent(e); return e.defaultPrevented; })()";

    /** Leaves an editor with unsaved changes, answering its question, and forgets the browser's copies. */
    private static void leaveWithoutSaving() {
        leave(() -> driver.executeScript("localStorage.clear(); setTimeout(function () { location.href = '/admin/'; }, 0);"));
        waitUntil(() -> driver.getCurrentUrl().endsWith("/admin/"));
        // Leaving keeps a last copy (the text field lost focus); these tests do not want it back.
        driver.executeScript("localStorage.clear();");
    }

    /** Leaves the page, answering "Leave" if the browser asks (headless Chromium may not). */
    private static void leave(Runnable navigation) {
        navigation.run();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent());
            driver.switchTo().alert().accept();
        } catch (org.openqa.selenium.TimeoutException noQuestion) {
            // The browser left without asking.
        }
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
