package org.vertebra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (the npm package, pinned in src/test/e2e/package-lock.json and installed by Maven)
 * in the page, with the WCAG 2.1 A and AA rules, and reports each violation in words.
 */
final class Axe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(result => done(JSON.stringify(result.violations)))
               .catch(error => done(JSON.stringify([{ id: 'axe-error', help: String(error), nodes: [] }])));
            """;

    private final String source;

    Axe() {
        Path script = Path.of(System.getProperty("vertebra.axe", "src/test/e2e/node_modules/axe-core/axe.min.js"));
        try {
            source = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is not installed at " + script + "; Maven installs it with npm ci in "
                    + "src/test/e2e during generate-test-resources", e);
        }
    }

    /** One rule broken at one or more places. */
    record Violation(String rule, String impact, String help, List<String> elements) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "\n      at " + String.join("\n      at ", elements);
        }
    }

    List<Violation> check(JavascriptExecutor page) {
        page.executeScript(source);
        String json = (String) page.executeAsyncScript(RUN);
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(json)) {
                List<String> elements = new ArrayList<>();
                v.path("nodes").forEach(n -> elements.add(n.path("target").toString() + " " + n.path("html").asText()));
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), elements));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core answered something other than JSON: " + json, e);
        }
    }

    /**
     * The audit a page of a reader's or staff flow gets: its whole-page picture saved, its
     * violations collected under {@code name}, and, at once, no sideways scrolling and one h1.
     */
    void audit(org.openqa.selenium.chrome.ChromeDriver driver, String screenshot, String name,
               java.util.Map<String, List<Violation>> failures) {
        Screenshots.save(driver, screenshot);
        List<Violation> violations = check(driver);
        if (!violations.isEmpty()) {
            failures.put(name, violations);
        }
        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        org.assertj.core.api.Assertions.assertThat(overflow.intValue()).as("sideways overflow on %s", name).isLessThanOrEqualTo(0);
        org.assertj.core.api.Assertions.assertThat(driver.findElements(org.openqa.selenium.By.tagName("h1")))
                .as("one h1 on %s", name).hasSize(1);
    }

    /** Every violation of every page, one a line, for a failed assertion's message. */
    static String report(java.util.Map<String, java.util.List<Violation>> failures) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        failures.forEach((page, violations) -> {
            lines.add(page + ":");
            violations.forEach(v -> lines.add("  - " + v));
        });
        return "WCAG 2.1 A/AA violations found by axe-core:\n" + String.join("\n", lines);
    }
}
