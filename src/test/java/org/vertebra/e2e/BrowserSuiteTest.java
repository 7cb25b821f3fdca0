package org.vertebra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.access.AccountRole;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The shared browser: the next suite gets the same Chromium, with nothing of the suite before it
 * (its sign-in, its stored data, its viewport).
 */
class BrowserSuiteTest {

    private static final String EMAIL = "sue@example.org";
    private static final String PASSWORD = "a long enough password";

    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-browser-suite"), Clock.systemUTC());
        server.site().accounts.addUser(EMAIL, "Sue Editor", AccountRole.EDITOR, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theNextSuiteGetsTheSameChromiumSignedOutWithNoStoredDataAtItsFirstSize() {
        ChromeDriver first = BrowserSuite.driver();
        Dimension fresh = first.manage().window().getSize();
        SignIn.withPassword(first, server.uri("").toString(), EMAIL, PASSWORD);
        assertThat(first.getCurrentUrl()).endsWith("/admin/");
        first.manage().addCookie(new Cookie("left-over", "1"));
        first.executeScript("localStorage.setItem('left-over', '1');");
        Browser.resize(first, Viewport.PHONE);

        ChromeDriver next = BrowserSuite.driver();

        assertThat(next).isSameAs(first);
        assertThat(next.getSessionId()).isNotNull();
        assertThat(next.getCurrentUrl()).isEqualTo("about:blank");
        next.get(server.uri("/admin/").toString());
        assertThat(next.getCurrentUrl()).as("signed out").contains("/admin/sign-in/");
        assertThat(next.manage().getCookieNamed("left-over")).isNull();
        assertThat(next.executeScript("return localStorage.getItem('left-over');")).isNull();
        assertThat(next.manage().window().getSize()).isEqualTo(fresh);
        assertThat(next.executeScript("return window.innerWidth;")).isNotEqualTo(390L);
    }

    @Test
    void axeIsReadOnceForEverySuite() {
        assertThat(BrowserSuite.axe()).isSameAs(BrowserSuite.axe());
    }
}
