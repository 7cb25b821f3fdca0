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
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.e2e.Browser.Viewport;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * A Spanish article in a real Chromium at both viewports: its consent banner and its page in
 * Spanish, each passing the accessibility audit, with screenshots (article-es-*, consent-banner-es-*).
 */
class SpanishPagesInBrowserTest {

    private static final String ARTICLE = "/dolor-de-espalda/";

    private static TestServer server;
    private static ChromeDriver driver;
    private static Axe axe;

    @BeforeAll
    static void start() throws IOException {
        driver = BrowserSuite.driver();
        axe = BrowserSuite.axe();
        Path folder = Files.createTempDirectory("vertebra-e2e-spanish");
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createDirectories(folder.resolve("site")));
        MarkdownFiles.write(folder.resolve("articles"), "dolor.md", MarkdownFiles.article("dolor-de-espalda",
                "Dolor de espalda: cuándo preocuparse", """
                        La mayoría de los dolores de espalda mejoran solos en pocas semanas.

                        ## Qué puede hacer

                        Siga moviéndose y camine un poco cada día.

                        ## Cuándo acudir al médico

                        Consulte enseguida si el dolor le despierta por la noche o si nota debilidad en las piernas.

                        ## References
                        - Author A, Author B. Title. Journal. 2012;5(3):3-15. doi: 10.1234/abcd. PMID: 12345678
                        """).replace("summary: \"A test article.\"", """
                summary: "Cuándo preocuparse por el dolor de espalda."
                disclosure: "El autor declara no tener conflictos de intereses."
                lang: es
                key_points: ["Casi todos los dolores de espalda mejoran solos.", "Moverse ayuda más que el reposo."]
                actions: ["Camine un poco cada día."]"""));
        assertThat(server.site().importer.importPaths(List.of(folder.resolve("articles")), false).problems()).isEmpty();
        server.server().refreshCache();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSpanishArticleAndItsConsentBannerPassTheAuditAtBothViewports() {
        Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>();
        for (Viewport viewport : Viewport.values()) {
            String size = viewport.name().toLowerCase();
            driver.get(server.uri("/static/css/site.css").toString());
            driver.manage().deleteAllCookies();
            Browser.resize(driver, viewport);
            open(ARTICLE);
            assertThat(driver.findElement(By.id("consent-banner")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("consent-banner-title")).getText()).isEqualTo("Su privacidad en este sitio");
            check("consent-banner-es-" + size, failures);
            Screenshots.saveScreen(driver, "consent-banner-es-" + size);

            driver.findElement(By.cssSelector("#consent-banner button[value=reject-all]")).click();
            Browser.waitUntil(driver, () -> !driver.findElement(By.id("consent-banner")).isDisplayed());
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            assertThat(driver.findElement(By.id("key-points-title")).getText()).isEqualTo("Puntos clave");
            assertThat(driver.findElement(By.id("references")).getText()).isEqualTo("Referencias");
            assertThat(driver.findElement(By.cssSelector("label[for=comment-name]")).getText()).isEqualTo("Nombre");
            check("article-es-" + size, failures);
            Screenshots.save(driver, "article-es-" + size);
        }
        assertThat(failures).as(() -> Axe.report(failures)).isEmpty();
    }

    private void check(String name, Map<String, List<Axe.Violation>> failures) {
        List<Axe.Violation> violations = axe.check(driver);
        if (!violations.isEmpty()) {
            failures.put(name, violations);
        }
    }

    private void open(String path) {
        driver.get(server.uri(path).toString());
        Browser.waitUntil(driver, () -> "complete".equals(driver.executeScript("return document.readyState")));
    }
}
