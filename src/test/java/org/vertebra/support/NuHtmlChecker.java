package org.vertebra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The W3C Nu HTML checker (vnu.jar, from the npm package vnu-jar that the build installs in
 * src/test/e2e), run on saved pages with the JDK that runs the tests. It takes seconds to start,
 * so check several pages in one run.
 */
public final class NuHtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NuHtmlChecker() {
    }

    /** The checker's errors on these HTML files, one line each ("file:line:column: message"); empty when valid. */
    public static List<String> errors(List<Path> pages) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("vertebra.vnu", "src/test/e2e/node_modules/vnu-jar/build/dist/vnu.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run npm ci in src/test/e2e (Maven does)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--errors-only", "--format", "json"));
        pages.forEach(page -> command.add(page.toString()));
        Path report = Files.createTempFile("vnu", ".json");
        try {
            // The JSON report goes to standard error.
            Process vnu = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(report.toFile()).start();
            if (!vnu.waitFor(2, TimeUnit.MINUTES)) {
                vnu.destroyForcibly();
                throw new IllegalStateException("vnu.jar did not finish within 2 minutes");
            }
            return messages(Files.readString(report, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(report);
        }
    }

    private static List<String> messages(String report) throws IOException {
        if (!report.strip().startsWith("{")) {
            throw new IllegalStateException("vnu.jar gave no report:\n" + report);
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode message : JSON.readTree(report).path("messages")) {
            errors.add(message.path("url").asText().replaceFirst(".*/", "") + ":" + message.path("lastLine").asInt() + ":"
                    + message.path("firstColumn").asInt() + ": " + message.path("message").asText()
                    + " [" + message.path("extract").asText().replaceAll("\\s+", " ").strip() + "]");
        }
        return errors;
    }
}
