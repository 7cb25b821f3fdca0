package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.reference.FakeBibliographicServices;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The editor's "add a reference by DOI or PMID", against a local stand-in for Crossref and PubMed. */
class ReferenceLookupInEditorTest {

    @TempDir
    Path temp;

    private FakeBibliographicServices services;
    private TestServer server;
    private WebClient author;

    @BeforeEach
    void start() {
        services = new FakeBibliographicServices();
        server = TestServer.withReferenceLookups(TestDatabase.SQLITE, temp, TestClock.at("2026-03-02T09:00:00Z"),
                services.crossrefUrl(), services.pubmedUrl());
        server.site().accounts.addUser("author@example.org", "Ann Author", AccountRole.AUTHOR, "a long enough password");
        author = new WebClient(server).signIn("author@example.org", "a long enough password");
    }

    @AfterEach
    void stop() {
        server.close();
        services.close();
    }

    private HttpResponse<String> lookUp(String identifier, String markdown) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", author.csrfToken("/admin/articles/new/"));
        form.put("title", "Vaccines and bones");
        form.put("markdown", markdown);
        form.put("referenceId", identifier);
        form.put("intent", "add-reference");
        return author.post("/admin/articles/", form);
    }

    @Test
    void foundReferenceIsAddedInVancouverStyleWithoutSaving() {
        HttpResponse<String> response = lookUp(FakeBibliographicServices.POLACK_DOI, "A large trial was run [1].");

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        String markdown = page.selectFirst("#markdown").wholeText();
        assertThat(markdown).startsWith("A large trial was run [1].\n\n## References\n\n- Polack FP");
        assertThat(markdown).contains("doi:" + FakeBibliographicServices.POLACK_DOI);
        assertThat(page.selectFirst(".notice").text()).contains("Save to keep it");
        assertThat(page.select("[data-check=evidence]").text()).contains("every reference is cited");
        assertThat(server.site().articleWriter.desk(org.vertebra.article.Shelf.ALL, null, 1, 10).totalItems()).isZero();
    }

    @Test
    void unknownIdentifierIsExplainedBesideTheField() {
        HttpResponse<String> response = lookUp(FakeBibliographicServices.UNKNOWN_DOI, "Text.");

        assertThat(response.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#referenceId-error").text()).isNotBlank();
        assertThat(page.selectFirst("#markdown").wholeText()).isEqualTo("Text.");
    }

    @Test
    void malformedIdentifierIsRefusedWithoutAskingAnyService() {
        HttpResponse<String> response = lookUp("not an identifier", "Text.");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(response.body()).selectFirst("#referenceId-error").text()).isNotBlank();
    }
}
