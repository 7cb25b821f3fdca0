package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.consult.PatientBookings;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TestSite;

/**
 * The JSON API's guide (docs/guide/api.md) cannot drift from the code: every answer it shows is
 * asked of a real server on the demo site, at the moment the examples were made, and must have the
 * fields, and the types, the example has; the tables of fields name the examples' fields; and
 * every route under /api/v1/ has its section, naming its guard.
 */
class JsonApiGuideTest {

    /** When the guide's examples were made: the demo doctor's free times it shows are free then. */
    private static final String EXAMPLES_MADE_AT = "2026-12-07T17:00:00Z";
    private static final String BOOKINGS = "/api/v1/consult/bookings";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    @AutoClose
    private TestServer server;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyAnswerTheGuideShowsHasTheFieldsTheServerAnswers(TestDatabase kind) throws Exception {
        start(kind);
        ApiGuide guide = ApiGuide.read();
        int asked = 0;
        for (ApiGuide.Section section : guide.sections()) {
            for (ApiGuide.Example example : section.answers()) {
                HttpResponse<String> answer = ask(example, section.request());
                String what = example.status() + " " + example.method() + " " + example.target();
                assertThat(answer.statusCode()).as(what).isEqualTo(example.status());
                assertThat(answer.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/json"));
                assertThat(answer.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
                assertThat(ApiGuide.differences(example.body(), JSON.readTree(answer.body())))
                        .as(what + " answered " + answer.body()).isEmpty();
                asked++;
            }
        }
        assertThat(asked).as("answers shown in the guide").isGreaterThanOrEqualTo(11);
    }

    @Test
    void everyRouteUnderApiV1HasItsSectionNamingItsGuard() throws Exception {
        start(TestDatabase.SQLITE);
        Map<String, RouteTable.Route> api = server.server().routes().stream().filter(r -> r.path().startsWith("/api/v1/"))
                .collect(Collectors.toMap(r -> r.method() + " " + r.path(), Function.identity()));
        ApiGuide guide = ApiGuide.read();
        Set<String> documented = guide.sections().stream().map(ApiGuide.Section::route).filter(r -> r.contains(" /api/v1/"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).isEqualTo(new TreeSet<>(api.keySet()));
        api.forEach((route, r) -> {
            ApiGuide.Section section = guide.section(route);
            assertThat(r.guards()).as(route).containsExactly(section.guard());
            assertThat(section.answers()).as(route + ": its answers").isNotEmpty()
                    .allSatisfy(e -> assertThat(e.method() + " " + e.path()).isEqualTo(route));
        });
    }

    @Test
    void theTablesOfFieldsNameWhatTheExamplesHold() {
        for (ApiGuide.Section section : ApiGuide.read().sections()) {
            Set<String> shown = section.answers().stream().filter(e -> e.status() / 100 == 2)
                    .flatMap(e -> ApiGuide.fieldNames(e.body()).stream()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(section.answerFields())).as(section.route() + ": the answer's table").isEqualTo(shown);
            if (section.request() != null) {
                assertThat(section.requestFields()).as(section.route() + ": the request's table")
                        .containsAll(ApiGuide.fieldNames(section.request()));
            }
        }
    }

    @Test
    void aFieldMissingAddedOrOfAnotherTypeIsADifference() throws Exception {
        JsonNode documented = JSON.readTree("{\"query\":\"kne\",\"suggestions\":[{\"title\":\"T\",\"url\":\"/t/\"}]}");

        assertThat(ApiGuide.differences(documented, JSON.readTree("{\"query\":\"x\",\"suggestions\":[{\"title\":\"A\",\"url\":\"/a/\"}]}")))
                .isEmpty();
        assertThat(ApiGuide.differences(documented, JSON.readTree("{\"query\":\"x\",\"suggestions\":[{\"title\":\"A\"}]}")))
                .containsExactly("$.suggestions[].url: in the guide, not in the answer");
        assertThat(ApiGuide.differences(documented, JSON.readTree("{\"query\":\"x\",\"total\":1,\"suggestions\":[]}")))
                .containsExactly("$.total: in the answer, not in the guide",
                        "$.suggestions: the answer has no element to compare with the guide's");
        assertThat(ApiGuide.differences(JSON.readTree("[{\"id\":1}]"), JSON.readTree("[{\"id\":\"1\"}]")))
                .containsExactly("$[].id: the guide shows NUMBER, the server answers STRING");
        assertThat(ApiGuide.differences(JSON.readTree("{\"errors\":{\"start\":\"taken\"}}"),
                JSON.readTree("{\"errors\":{\"name\":\"Enter the name.\",\"age\":3}}")))
                .containsExactly("$.errors.age: a message should be a string");
    }

    @Test
    void theGuideIsReadAsItsReadersSeeIt() {
        ApiGuide guide = ApiGuide.parse("""
                # The JSON API
                ## `GET /api/v1/things`
                **Guard**: `ANYONE`. Things.

                | answer field | type | what it is |
                | --- | --- | --- |
                | `first`, `second` | string | two of them |

                ```json answer 200 GET /api/v1/things?q=a
                {"first": "a", "second": "b"}
                ```
                ## Versions
                ```json answer 200 GET /not/a/section
                {}
                ```
                """);

        assertThat(guide.sections()).hasSize(1);
        ApiGuide.Section things = guide.section("GET /api/v1/things");
        assertThat(things.guard()).isEqualTo("ANYONE");
        assertThat(things.answerFields()).containsExactlyInAnyOrder("first", "second");
        assertThat(things.answers()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.path()).isEqualTo("/api/v1/things");
            assertThat(e.target()).isEqualTo("/api/v1/things?q=a");
        });
    }

    private void start(TestDatabase kind) {
        TestSite site = TestSite.open(kind, temp, TestClock.at(EXAMPLES_MADE_AT));
        site.site().initialize(true);
        server = TestServer.serving(site);
    }

    /** Asks for the answer an example shows: a GET as written; a booking by the request its status needs. */
    private HttpResponse<String> ask(ApiGuide.Example example, JsonNode request) throws Exception {
        if (example.method().equals("GET")) {
            return send(HttpRequest.newBuilder(server.uri(example.target())).GET());
        }
        assertThat(example.target()).as("the only POST of the API").isEqualTo(BOOKINGS);
        assertThat(request).as("the guide's request for " + BOOKINGS).isNotNull();
        return switch (example.status()) {
            case 201 -> book(request.toString());
            case 409 -> {
                HttpResponse<String> first = book(request.toString());
                yield first.statusCode() == 201 ? book(request.toString()) : first;
            }
            case 422 -> book(((ObjectNode) request.deepCopy()).put("consent", false).toString());
            case 400 -> book("[]");
            case 415 -> send(HttpRequest.newBuilder(server.uri(BOOKINGS)).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
            case 429 -> {
                for (int i = 0; i < PatientBookings.PER_HOUR; i++) {
                    server.site().formGuard.record(PatientBookings.FORM, "127.0.0.1");
                }
                yield book(request.toString());
            }
            default -> throw new AssertionError("the guide shows a " + example.status() + " of " + BOOKINGS
                    + " that this test cannot ask for: add the request that gets it");
        };
    }

    private HttpResponse<String> book(String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri(BOOKINGS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
