package org.vertebra.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.data.Database;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

class MonitorTest {

    @TempDir
    static Path folder;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.withDemo(TestDatabase.SQLITE, folder);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthSaysTheNodeCanServeWithItsDatabaseMigrationAndIndex() throws Exception {
        HttpResponse<String> response = server.get("/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("database").asText()).isEqualTo("up");
        assertThat(health.get("migration").asText()).isEqualTo(Database.latestMigration().getVersion());
        assertThat(health.get("index").asText()).isEqualTo("ready");
    }

    @Test
    void unhealthyWhenTheDatabaseIsBehindThisBuild() {
        HealthCheck check = new HealthCheck(() -> true, () -> "3", "13", () -> true, () -> true);

        assertThat(check.check().canServe()).isFalse();
    }

    @Test
    void metricsCountRequestsLatenciesAndCacheHitsIncludingCachedPages() {
        String article = server.page("/").selectFirst("main a[href^=/][href$=/]").attr("href");
        server.get(article);
        server.get(article); // from the cache's fast path

        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String metrics = response.body();
        assertThat(metrics).contains("vertebra_http_requests_seconds_bucket{");
        assertThat(counter(metrics, "vertebra_http_requests_seconds_count{method=\"GET\",status=\"2xx\"}")).isGreaterThanOrEqualTo(3);
        assertThat(counter(metrics, "vertebra_page_cache_hits_total")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("vertebra_outbox_waiting").contains("vertebra_job_runs_total{job=\"housekeeping\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsPassPrometheusOwnCheck() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!java.nio.file.Files.isExecutable(promtool)) {
            String message = "promtool is missing: install Debian's prometheus package, as .ci/run does";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
        String metrics = server.get("/metrics").body();
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = check.getOutputStream()) {
            in.write(metrics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String said = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(check.waitFor()).as(said).isZero();
        assertThat(counter(metrics, "process_cpu_seconds_total")).isPositive();
        assertThat(metrics).contains("system_cpu_cores ").doesNotContain("process_cpu_time_ns_total");
    }

    @Test
    void metricsAreRefusedThroughAProxy() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/metrics"))
                .header("X-Forwarded-For", "203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("vertebra_");
    }

    private static double counter(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ") || line.startsWith(series.replace("}", ",")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
