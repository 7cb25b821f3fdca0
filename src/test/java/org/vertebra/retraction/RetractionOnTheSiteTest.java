package org.vertebra.retraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.reference.FakeBibliographicServices;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Retraction checks on a running site with the fake services: after a save and in the background
 * (a held answer does not hold up the save), the flag in the editor, on the dashboard and in the
 * evidence report, the weekly round, and the editors' mail, sent once.
 */
class RetractionOnTheSiteTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    private FakeBibliographicServices fake;
    private TestClock clock;
    private TestServer server;
    private WebClient editor;

    @BeforeEach
    void start() {
        fake = new FakeBibliographicServices();
        clock = TestClock.at("2026-03-02T09:00:00Z");
        server = TestServer.withReferenceLookups(TestDatabase.SQLITE, temp, clock, fake.crossrefUrl(), fake.pubmedUrl());
        server.site().accounts.addUser("editor@example.org", "Eve Editor", AccountRole.EDITOR, PASSWORD);
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        server.site().accounts.addUser("author@example.org", "Ann Author", AccountRole.AUTHOR, PASSWORD);
        editor = new WebClient(server).signIn("editor@example.org", PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
        fake.close();
    }

    private static String body(String... dois) {
        StringBuilder text = new StringBuilder("Rest helps back pain [1].\n\n## References\n\n");
        for (int i = 0; i < dois.length; i++) {
            text.append(i + 1).append(". Example A. A study number ").append(i + 1).append(". J Test. 2018;1:1-2. doi: ")
                    .append(dois[i]).append('\n');
        }
        return text.toString();
    }

    private long save(String slug, String markdown, String intent) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", editor.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", "Back pain " + slug);
        form.put("slug", slug);
        form.put("summary", "A summary.");
        form.put("markdown", markdown);
        form.put("categories", "Spine");
        form.put("tags", "");
        form.put("zone", "UTC");
        form.put("disclosure", "None.");
        form.put("intent", intent);
        HttpResponse<String> response = editor.post("/admin/articles/", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow()
                .replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }

    @Test
    void aSaveIsNotHeldUpByTheChecksAndTheFlagShowsOnceTheyAnswer() {
        long id = save("held", body(FakeBibliographicServices.HELD_DOI, FakeBibliographicServices.RETRACTED_DOI,
                FakeBibliographicServices.CORRECTED_DOI), "publish");
        // The save answered while the service still holds its first answer.
        assertThat(server.site().retractions.flagged(server.site().articles.byId(id).orElseThrow().references())).isEmpty();

        fake.release();
        server.site().retractions.awaitBackground();

        Document page = editor.page("/admin/articles/" + id + "/edit/");
        assertThat(page.select("[data-check=flagged] li").eachText()).containsExactly(
                "Reference 2 is retracted: notice " + FakeBibliographicServices.RETRACTION_NOTICE_DOI
                        + ". Remove or replace it, or explain it in the text.",
                "Reference 3 is corrected: notice 10.5555/vertebra.2020.erratum.0011.");
        assertThat(page.select("[data-check=retraction-progress]").text()).startsWith("3 of 3 references with a DOI or PMID checked");
        assertThat(page.select(".preview ol.references li").get(1).text()).endsWith("(retracted)");
        assertThat(editor.page("/admin/").text()).contains("1 published article cites a retracted or withdrawn work");
    }

    @Test
    void editorsAreMailedOnceWhenAPublishedArticleCitesARetractedWork() {
        save("cites-retracted", body(FakeBibliographicServices.RETRACTED_DOI), "publish");
        server.site().retractions.awaitBackground();

        List<MailOutbox.Mail> mails = MailOutbox.ofKind(server.site(), RetractionMail.KIND);
        assertThat(mails).extracting(MailOutbox.Mail::recipient)
                .containsExactlyInAnyOrder("editor@example.org", "admin@example.org");
        assertThat(mails.get(0).subject()).isEqualTo("A reference was retracted: DOI " + FakeBibliographicServices.RETRACTED_DOI);
        assertThat(mails.get(0).text()).contains("Notice: " + FakeBibliographicServices.RETRACTION_NOTICE_DOI,
                "Back pain cites-retracted, reference 1: http://vertebra.test/admin/articles/");

        // A second article citing the same work, and the weekly round a week later: no second mail.
        save("cites-it-too", body(FakeBibliographicServices.RETRACTED_DOI), "publish");
        server.site().retractions.awaitBackground();
        clock.advance(Duration.ofDays(8));
        assertThat(server.site().retractions.recheckPublished()).isEqualTo(1);
        assertThat(MailOutbox.ofKind(server.site(), RetractionMail.KIND)).hasSize(2);
    }

    @Test
    void theWeeklyRoundAsksAgainOnlyWhenAnAnswerIsAWeekOld() {
        save("weekly", body(FakeBibliographicServices.CORRECTED_DOI), "publish");
        server.site().retractions.awaitBackground();
        long asked = fake.requestsMatching(FakeBibliographicServices.CORRECTED_DOI);

        clock.advance(Duration.ofDays(6));
        assertThat(server.site().retractions.recheckPublished()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(server.site().retractions.recheckPublished()).isEqualTo(1);
        assertThat(fake.requestsMatching(FakeBibliographicServices.CORRECTED_DOI)).isEqualTo(asked + 1);
    }

    @Test
    void referencesWithoutAnIdentifierAreNeitherAskedNorFlagged() {
        long id = save("no-identifier", "Rest helps [1].\n\n## References\n\n1. A guideline. https://example.org/guide\n", "save");
        server.site().retractions.awaitBackground();

        Document page = editor.page("/admin/articles/" + id + "/edit/");
        assertThat(page.text()).contains("No reference has a DOI or PMID to check.");
        assertThat(page.select("[data-check=flagged]")).isEmpty();
        assertThat(fake.userAgents()).isEmpty();
    }

    @Test
    void aDraftCitingARetractedWorkIsFlaggedButNobodyIsMailed() {
        long id = save("draft", body(FakeBibliographicServices.RETRACTED_DOI), "save");
        server.site().retractions.awaitBackground();

        assertThat(editor.page("/admin/articles/" + id + "/edit/").select("[data-check=flagged] li")).hasSize(1);
        assertThat(MailOutbox.ofKind(server.site(), RetractionMail.KIND)).isEmpty();
    }

    @Test
    void aFailedCheckIsShownAndAskedAgainAtTheNextRound() {
        long id = save("broken", body(FakeBibliographicServices.BROKEN_DOI), "publish");
        server.site().retractions.awaitBackground();

        Document page = editor.page("/admin/articles/" + id + "/edit/");
        assertThat(page.select("[data-check=retraction-progress]").text()).startsWith("0 of 1 references");
        assertThat(page.text()).contains("Not checked yet: Crossref answered with an error (HTTP 500)");
        assertThat(server.site().retractions.recheckPublished()).isEqualTo(1);
    }

    /** The report asks for a page's retraction checks at once; each flag keeps its number in its own article's list. */
    @Test
    void theEvidenceReportNumbersAFlagInItsOwnArticlesReferences() {
        save("plain", "Rest helps [1] [2].\n\n## References\n\n1. A guideline. https://example.org/one\n"
                + "2. Another guideline. https://example.org/two\n", "publish");
        save("cites-a-retraction", "Rest helps [1] [2].\n\n## References\n\n1. A guideline. https://example.org/three\n"
                + "2. Example A. A study. J Test. 2018;1:1-2. doi: " + FakeBibliographicServices.RETRACTED_DOI + "\n", "publish");
        server.site().retractions.awaitBackground();

        // by title, Z to A: the plain article's two references come first in the page's one look-up
        Document report = editor.page("/admin/articles/evidence/?sort=title&dir=desc");
        assertThat(report.select("table.evidence-report tbody tr th a").eachText())
                .containsExactly("Back pain plain", "Back pain cites-a-retraction");
        assertThat(report.select("table.evidence-report tbody tr").get(0).text()).doesNotContain("retracted");
        assertThat(report.select("table.evidence-report tbody tr").get(1).select("td").eachText()).contains("2: retracted");
        assertThat(editor.get("/admin/articles/evidence.csv?sort=title&dir=desc").body())
                .contains("2 retraction " + FakeBibliographicServices.RETRACTION_NOTICE_DOI)
                .doesNotContain("4 retraction");
    }

    @Test
    void theEvidenceReportListsFlagsAndMissedBenchmarksAndDownloadsAsCsv() {
        save("report", body(FakeBibliographicServices.RETRACTED_DOI), "publish");
        server.site().retractions.awaitBackground();

        Document report = editor.page("/admin/articles/evidence/?sort=flagged&dir=desc");
        assertThat(report.select("table.evidence-report tbody tr")).hasSize(1);
        assertThat(report.select("table.evidence-report tbody td").eachText()).contains("1: retracted", "Authorship, Currency");
        assertThat(report.select("th[aria-sort=descending]").text()).isEqualTo("Flagged references");
        HttpResponse<String> csv = editor.get("/admin/articles/evidence.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(2).first().asString()
                .startsWith("id,title,status,reading_grade,references");
        assertThat(csv.body()).contains("1 retraction " + FakeBibliographicServices.RETRACTION_NOTICE_DOI, "authorship; currency");
        WebClient author = new WebClient(server).signIn("author@example.org", PASSWORD);
        assertThat(author.get("/admin/articles/evidence/").statusCode()).isEqualTo(403);
    }
}
