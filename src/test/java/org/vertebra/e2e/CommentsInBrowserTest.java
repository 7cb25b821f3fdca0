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
import org.vertebra.access.AccountRole;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * A reader's comment in a real Chromium, without any help from script: post it through the form,
 * an editor approves it in the admin, and it is on the article. The article with comments and the
 * moderation queue pass the accessibility audit at both viewports.
 */
class CommentsInBrowserTest {

    private static final String EMAIL = "ed@example.org";
    private static final String PASSWORD = "a long enough password";
    private static final String ARTICLE = "/knee-arthroscopy-what-to-expect/";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;
    private static org.vertebra.access.User editor;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-comments"));
        editor = server.site().accounts.addUser(EMAIL, "Ed Editor", AccountRole.EDITOR, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReaderCommentsAnEditorApprovesAndTheCommentIsOnTheArticle() throws InterruptedException {
        Browser.resize(driver, Viewport.DESKTOP);
        open(ARTICLE);
        driver.findElement(By.id("comment-name")).sendKeys("Rita Reader");
        driver.findElement(By.id("comment-email")).sendKeys("rita@example.org");
        driver.findElement(By.id("comment-body")).sendKeys("How long before I can **drive** after the operation?");
        driver.findElement(By.id("comment-notify")).click();
        Thread.sleep(3_500); // the spam guard refuses a form sent faster than a person writes
        driver.findElement(By.cssSelector("form.comment-form button[type=submit]")).click();
        waitFor(() -> driver.getCurrentUrl().contains("comment=held"));
        assertThat(driver.findElement(By.cssSelector(".comment-notice")).getText()).contains("once an editor has read it");
        Screenshots.save(driver, "comment-held-desktop");

        openQueue();
        assertThat(driver.findElement(By.cssSelector(".queued-body")).getText()).contains("drive");
        Screenshots.save(driver, "comments-queue-desktop");
        driver.findElement(By.cssSelector(".queued-actions button[aria-label^='Approve']")).click();
        waitFor(() -> driver.getCurrentUrl().contains("done=approved"));

        server.server().refreshCache();
        open(ARTICLE);
        assertThat(driver.findElement(By.cssSelector(".comment .comment-author")).getText()).isEqualTo("Rita Reader");
        assertThat(driver.findElement(By.cssSelector(".comment .comment-body strong")).getText()).isEqualTo("drive");
        assertThat(driver.getPageSource()).doesNotContain("rita@example.org");
    }

    @Test
    void theArticleWithCommentsAndTheQueuePassTheAuditAtBothViewports() throws InterruptedException {
        var comments = server.site().comments;
        var article = server.site().articleWriter.bySlug("frozen-shoulder-stages").orElseThrow();
        String ticket = server.site().formGuard.ticket();
        Thread.sleep(3_100); // this site runs on the real clock: the ticket must be older than the guard's minimum
        long first = send(article, ticket, "Sam", "Does the *freezing* stage always hurt?\n\n- at night\n- when dressing", "");
        comments.approve(first);
        comments.approve(send(article, ticket, "Kim", "Mine did, for months.", Long.toString(first)));
        send(article, ticket, "Lee", "A held one, with a [link](https://example.org/).", "");
        comments.reply(editor, first, "Not always. Ask at your next visit.");
        openQueue();
        server.server().refreshCache();

        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            Browser.resize(driver, viewport);
            for (Map.Entry<String, String> page : Map.of(
                    "article-comments", "/frozen-shoulder-stages/",
                    "article-comment-refused", "/frozen-shoulder-stages/?replyto=" + first,
                    "comments-queue", "/admin/comments/").entrySet()) {
                open(page.getValue());
                if (page.getKey().equals("article-comment-refused")) {
                    driver.findElement(By.cssSelector("form.comment-form button[type=submit]")).click(); // too quick, and empty
                    driver.executeScript("document.querySelectorAll('form.comment-form [required]').forEach(e => e.removeAttribute('required'))");
                    driver.findElement(By.cssSelector("form.comment-form button[type=submit]")).click();
                    waitFor(() -> !driver.findElements(By.cssSelector(".comment-problems")).isEmpty());
                }
                audit(page.getKey() + "-" + viewport.name().toLowerCase(), page.getValue() + " at " + viewport, failures);
            }
        }
        Browser.resize(driver, Viewport.DESKTOP);
        assertThat(failures).as(Axe.report(failures)).isEmpty();
    }

    /** Saves a screenshot, runs axe-core, and notes its violations and any sideways scrolling under {@code where}. */
    private static void audit(String screenshot, String where, Map<String, List<Axe.Violation>> failures) {
        Screenshots.save(driver, screenshot);
        List<Axe.Violation> found = new java.util.ArrayList<>(axe.check(driver));
        long sideways = ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        if (sideways > 0) {
            found.add(new Axe.Violation("sideways-scroll", "serious", "the page scrolls sideways by " + sideways + " px", List.of()));
        }
        if (!found.isEmpty()) {
            failures.put(where, found);
        }
    }

    private static long send(org.vertebra.article.Article article, String ticket, String name, String body, String replyTo) {
        return server.site().comments.submit(article, new org.vertebra.comment.CommentForm(name,
                name.toLowerCase(java.util.Locale.ROOT) + "@example.org", body, false, replyTo, ticket, ""),
                "198.51.100." + name.length()).id();
    }

    /** Opens the queue, through the sign-in form when this browser is not signed in yet. */
    private static void openQueue() {
        open("/admin/comments/");
        if (driver.getCurrentUrl().contains("/admin/sign-in/")) {
            driver.findElement(By.id("email")).sendKeys(EMAIL);
            driver.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        }
        waitFor(() -> driver.getCurrentUrl().endsWith("/admin/comments/"));
    }

    /** Opens the page as a reader who has answered the consent banner. */
    private static void open(String path) {
        driver.get(server.uri(path).toString());
        Browser.answerConsentBanner(driver);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        Browser.waitUntil(driver, condition);
    }
}
