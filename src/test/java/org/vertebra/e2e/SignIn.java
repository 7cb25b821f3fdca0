package org.vertebra.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.account.AuthenticatorApp;

/**
 * The staff sign-in steps every browser suite takes, through the admin's forms as a person would:
 * with a password, and with a password then a code from the account's authenticator app.
 */
final class SignIn {

    private SignIn() {
    }

    /** Signs in with the password at this server (its base URL), unless already signed in. */
    static void withPassword(ChromeDriver driver, String serverUrl, String email, String password) {
        driver.get(serverUrl + "/admin/");
        if (!driver.getCurrentUrl().contains("/admin/sign-in/")) {
            return;
        }
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form.admin-form button[type=submit]")).click();
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/admin/"));
    }

    /**
     * The first of the two steps, from the keyboard: the password form sent with Enter, leaving the
     * browser at the code page.
     */
    static void toCodePage(ChromeDriver driver, String serverUrl, String email, String password) {
        driver.get(serverUrl + "/admin/");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().contains("/admin/sign-in/code/"));
    }

    /** The second step: the app's current code typed on the code page, then on to the dashboard. */
    static void withCode(ChromeDriver driver, AuthenticatorApp app) {
        driver.findElement(By.id("code")).sendKeys(app.code(), Keys.ENTER);
        Browser.waitUntil(driver, () -> driver.getCurrentUrl().endsWith("/admin/"));
    }

    /** Both steps: the password, then a code from the authenticator app holding the account's secret. */
    static void withPasswordAndCode(ChromeDriver driver, String serverUrl, String email, String password,
                                    AuthenticatorApp app) {
        toCodePage(driver, serverUrl, email, password);
        withCode(driver, app);
    }
}
