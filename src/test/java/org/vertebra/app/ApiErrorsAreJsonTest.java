package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** The answers the site gives for the JSON API rather than its routes are JSON too: a program calls it, not a person. */
class ApiErrorsAreJsonTest {

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAddressThatDoesNotExistAnswers404WithTheErrorObject(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            HttpResponse<String> answer = server.get("/api/v1/nothing-here");

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode errors = new ObjectMapper().readTree(answer.body()).path("errors");
            assertThat(errors.path("path").asText()).contains("no such address");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBookingSentFromAnotherSiteIsRefusedWithTheErrorObject(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.uri("/api/v1/consult/bookings"))
                    .header("Content-Type", "application/json")
                    .header("Origin", "https://elsewhere.example")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(new ObjectMapper().readTree(answer.body()).path("errors").path("body").asText())
                    .contains("sent from another site");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPageThatDoesNotExistIsStillAnHtmlPage(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, temp, TestClock.at("2026-03-02T09:00:00Z"))) {
            HttpResponse<String> answer = server.get("/apiary/");

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }
    }
}
