package org.vertebra.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.access.CsrfTokens;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The editor's reference endpoints over HTTP, on a site whose look-ups go to the fake services. */
class ReferenceRoutesTest {

    static final String PASSWORD = "a long enough password";
    static final String FORMAT = "/admin/references/format/";
    static final String LOOKUP = "/admin/references/lookup/?id=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeBibliographicServices services;
    private static TestServer server;
    private static WebClient author;
    private static String authorsToken;

    @BeforeAll
    static void start() throws IOException {
        services = new FakeBibliographicServices();
        server = TestServer.withReferenceLookups(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-references"),
                TestClock.at("2025-03-01T09:00:00Z"), services.crossrefUrl(), services.pubmedUrl());
        server.site().accounts.addUser("author@example.org", "Ann Author", AccountRole.AUTHOR, PASSWORD);
        server.site().accounts.addUser("reviewer@example.org", "Rex Reviewer", AccountRole.REVIEWER, PASSWORD);
        author = new WebClient(server).signIn("author@example.org", PASSWORD);
        authorsToken = author.csrfToken("/admin/account/");
    }

    @AfterAll
    static void stop() {
        server.close();
        services.close();
    }

    @Test
    void anAuthorGetsAReferenceAsWrittenBackInVancouverStyle() throws IOException {
        HttpResponse<String> response = author.postJson(FORMAT,
                "{\"text\": \"Polack et al. BNT162b2 vaccine. NEJM 2020. https://doi.org/10.1056/NEJMoa2034577\", \"pmid\": \"33301246\"}",
                Map.of(CsrfTokens.HEADER, authorsToken));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("vancouver").asText()).isEqualTo("Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, "
                + "Lockhart S, et al. Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine. N Engl J Med. "
                + "2020;383(27):2603-15. doi:10.1056/NEJMoa2034577. PMID: 33301246.");
        JsonNode citation = answer.path("citation");
        assertThat(citation.path("authors").get(0).path("surname").asText()).isEqualTo("Polack");
        assertThat(citation.path("authors").get(0).path("initials").asText()).isEqualTo("FP");
        assertThat(citation.path("journal").asText()).isEqualTo("N Engl J Med");
        assertThat(citation.path("year").asText()).isEqualTo("2020");
        assertThat(citation.path("pages").asText()).isEqualTo("2603-2615");
        assertThat(citation.path("doi").asText()).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(citation.path("pmid").asText()).isEqualTo("33301246");
        assertThat(answer.path("problems")).isEmpty();
    }

    @Test
    void theFormatEndpointExplainsWhatStoodInTheWay() throws IOException {
        JsonNode invalid = JSON.readTree(author.postJson(FORMAT, "{\"doi\": \"10.10/abc\"}",
                Map.of(CsrfTokens.HEADER, authorsToken)).body());
        JsonNode slow = JSON.readTree(author.postJson(FORMAT, "{\"doi\": \"" + FakeBibliographicServices.BROKEN_DOI + "\"}",
                Map.of(CsrfTokens.HEADER, authorsToken)).body());
        HttpResponse<String> notJson = author.postJson(FORMAT, "doi=10.1056/x", Map.of(CsrfTokens.HEADER, authorsToken));

        assertThat(invalid.path("vancouver").isNull()).isTrue();
        assertThat(invalid.path("problems").get(0).path("kind").asText()).isEqualTo("invalid-doi");
        assertThat(invalid.path("problems").get(0).path("message").asText()).contains("is not a DOI");
        assertThat(slow.path("problems").get(0).path("kind").asText()).isEqualTo("service-error");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void formattingEnteredPartsNeedsNoLookUp() throws IOException {
        String body = """
                {"citation": {"authors": [{"surname": "Doe", "initials": "J"}], "title": "Heel pain", "journal": "Foot",
                 "year": "2012", "volume": "5", "issue": "3", "pages": "123-129"}, "pmid": "PMID: 12345678"}""";

        JsonNode answer = JSON.readTree(author.postJson(FORMAT, body, Map.of(CsrfTokens.HEADER, authorsToken)).body());

        assertThat(answer.path("vancouver").asText()).isEqualTo("Doe J. Heel pain. Foot. 2012;5(3):123-9. PMID: 12345678.");
    }

    @Test
    void theLookUpEndpointFindsAPmidOrSaysWhyNot() throws IOException {
        HttpResponse<String> found = author.get(LOOKUP + "12110735");
        HttpResponse<String> unknown = author.get(LOOKUP + encode("doi:" + FakeBibliographicServices.UNKNOWN_DOI));
        HttpResponse<String> invalid = author.get(LOOKUP + "Moseley%202002");
        HttpResponse<String> slow = author.get(LOOKUP + FakeBibliographicServices.SLOW_PMID);

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).path("vancouver").asText()).startsWith("Moseley JB, O'Malley K,")
                .endsWith("N Engl J Med. 2002;347(2):81-8. doi:10.1056/NEJMoa013259. PMID: 12110735.");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("problems").get(0).path("message").asText())
                .isEqualTo("No publication has the DOI 10.5555/no-such-work. Check it against the article.");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(slow.statusCode()).as("the real 5-second limit: the fake answers after 2").isEqualTo(200);
    }

    @Test
    void aPostWithoutTheCsrfHeaderIsRefused() {
        HttpResponse<String> response = author.postJson(FORMAT, "{\"pmid\": \"12110735\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("This form has expired");
    }

    @Test
    void aReviewerMayNotAndAVisitorMustSignIn() {
        WebClient reviewer = new WebClient(server).signIn("reviewer@example.org", PASSWORD);
        String reviewersToken = reviewer.csrfToken("/admin/account/");
        WebClient visitor = new WebClient(server);
        long before = services.requests().size();

        assertThat(reviewer.postJson(FORMAT, "{\"pmid\": \"12110735\"}", Map.of(CsrfTokens.HEADER, reviewersToken)).statusCode())
                .isEqualTo(403);
        assertThat(reviewer.get(LOOKUP + "12110735").statusCode()).isEqualTo(403);
        assertThat(visitor.postJson(FORMAT, "{\"pmid\": \"12110735\"}", Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> page = visitor.get(LOOKUP + "12110735");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/admin/sign-in/?next="));
        assertThat(services.requests()).as("nothing was looked up for them").hasSize((int) before);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
