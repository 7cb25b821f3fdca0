package org.vertebra.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.article.Article;
import org.vertebra.importer.ImportReport;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The benchmarks on a running site: the single publishing rule as the desk, imports and schedules
 * meet it, the trust settings page, and the "About this article's evidence" summary readers see.
 */
class TrustOnTheSiteTest {

    private static final String PASSWORD = "a long enough password";
    private static final String BODY = """
            Rest helps most back pain, as Smith and Jones (2015) found [1]. Walking also helps [2].

            ## Moving

            Keep walking every day [3].

            ## References

            1. Smith A, Jones B. Rest for back pain. Spine. 2015;1(2):3-4. doi: 10.1234/rest.2015
            2. Brown C. Walking after back pain. BMJ. 2016;5:6-7. PMID: 26123456
            3. A guideline for back pain. https://example.org/guideline
            """;

    @TempDir
    Path temp;

    private TestClock clock;
    private TestServer server;
    private WebClient editor;
    private WebClient admin;

    @BeforeEach
    void start() {
        clock = TestClock.at("2026-03-02T09:00:00Z");
        server = TestServer.empty(TestDatabase.SQLITE, temp, clock);
        editor = signedIn(AccountRole.EDITOR, "editor@example.org", "Eve Editor");
        admin = signedIn(AccountRole.ADMIN, "admin@example.org", "Ada Admin");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WebClient signedIn(AccountRole role, String email, String name) {
        server.site().accounts.addUser(email, name, role, PASSWORD);
        return new WebClient(server).signIn(email, PASSWORD);
    }

    private void withoutDefaultDisclosure() {
        server.site().siteSettings.saveValue(TrustSettings.DEFAULT_DISCLOSURE, null);
    }

    private HttpResponse<String> publish(String slug, String disclosure, String publishAt) {
        return publish(slug, disclosure, publishAt, BODY);
    }

    private HttpResponse<String> publish(String slug, String disclosure, String publishAt, String markdown) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", editor.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", "Back pain " + slug);
        form.put("slug", slug);
        form.put("summary", "A short summary.");
        form.put("markdown", markdown);
        form.put("categories", "Spine");
        form.put("tags", "");
        form.put("zone", "UTC");
        form.put("disclosure", disclosure);
        form.put("publishAt", publishAt);
        form.put("intent", "publish");
        return editor.post("/admin/articles/", form);
    }

    @Test
    void refusesToPublishWithoutAnyDisclosureAndSaysWhyBesideTheField() {
        withoutDefaultDisclosure();

        HttpResponse<String> refused = publish("no-disclosure", "", "");

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = org.jsoup.Jsoup.parse(refused.body());
        assertThat(page.select("#disclosure-error").text()).contains("Write a disclosure before publishing");
        assertThat(page.select("textarea#markdown").text()).contains("Rest helps most back pain");
        // Nothing typed is lost: the text is kept as a draft, not published.
        assertThat(server.site().articleWriter.bySlug("no-disclosure").orElseThrow().isPublished()).isFalse();

        assertThat(publish("own-disclosure", "The author declares no conflicts of interest.", "").statusCode()).isEqualTo(303);
        assertThat(server.site().articleWriter.bySlug("own-disclosure").orElseThrow().isPublished()).isTrue();
    }

    private static final String HARD = "Postoperative rehabilitation necessitates comprehensive multidisciplinary"
            + " collaboration between physiotherapists, orthopaedic surgeons and occupational therapists, particularly"
            + " following complicated arthroplasty procedures involving considerable musculoskeletal reconstruction.";

    @Test
    void theGradeLimitHoldsNewArticlesAndHarderTextButLetsAFixToAPublishedArticleThroughWithAWarning() {
        assertThat(publish("hard", "Own disclosure.", "", HARD).statusCode()).isEqualTo(303);
        long id = server.site().articleWriter.bySlug("hard").orElseThrow().id();
        Map<String, String> settings = new HashMap<>(Map.of("_csrf", admin.csrfToken(TrustAdminRoutes.PATH),
                "defaultDisclosure", "This clinic takes no sponsorship.", "maxGrade", "8"));

        // Before the limit is set, the page says how many published articles read above it, and asks again.
        HttpResponse<String> asked = admin.post(TrustAdminRoutes.PATH, settings);
        assertThat(asked.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document question = org.jsoup.Jsoup.parse(asked.body());
        assertThat(question.select("#articles-above-grade").text()).startsWith("One published article reads above grade 8.");
        assertThat(server.site().trustSettings.policy().maxGrade()).isNull();
        settings.put("confirmGrade", question.select("input[name=confirmGrade]").val());
        assertThat(admin.post(TrustAdminRoutes.PATH, settings).statusCode()).isEqualTo(303);
        assertThat(server.site().trustSettings.policy().maxGrade()).isEqualTo(8.0);

        // A new article above the grade is refused.
        HttpResponse<String> fresh = publish("hard-again", "Own disclosure.", "", HARD);
        assertThat(fresh.statusCode()).isEqualTo(422);
        assertThat(org.jsoup.Jsoup.parse(fresh.body()).select("#markdown-error").text()).contains("up to grade 8");

        // An urgent fix to the published article that does not make it harder is saved, with a warning.
        Map<String, String> fix = editForm(id);
        fix.put("markdown", HARD + "\n\nStop the exercises if your calf swells.");
        HttpResponse<String> saved = editor.post("/admin/articles/" + id + "/", fix);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("done=above-grade");
        assertThat(server.site().articles.byId(id).orElseThrow().bodyMarkdown()).endsWith("calf swells.");
        assertThat(editor.page("/admin/articles/" + id + "/edit/?done=above-grade").select(".notice").text())
                .contains("above the site's highest reading grade");

        // A change that raises the grade further is refused, and the public text stays as it was.
        Map<String, String> harder = editForm(id);
        harder.put("markdown", HARD.replace("Postoperative rehabilitation",
                "Postoperative neuromusculoskeletal rehabilitation, notwithstanding considerable heterogeneity,"));
        assertThat(editor.post("/admin/articles/" + id + "/", harder).statusCode()).isEqualTo(422);
        assertThat(server.site().articles.byId(id).orElseThrow().bodyMarkdown()).endsWith("calf swells.");
    }

    /** The edit form of an article as it stands, to publish again. */
    private Map<String, String> editForm(long id) {
        org.jsoup.nodes.Document page = editor.page("/admin/articles/" + id + "/edit/");
        Map<String, String> form = new HashMap<>();
        page.selectFirst("form.editor-form").select("input[name]:not([type=checkbox]), select[name], textarea[name]")
                .forEach(field -> form.put(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText()
                        : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val()));
        form.put("intent", "publish");
        return form;
    }

    @Test
    void refusesToScheduleWithoutAnyDisclosure() {
        withoutDefaultDisclosure();

        assertThat(publish("later", "", "2026-04-01T09:00").statusCode()).isEqualTo(422);
        assertThat(server.site().articleWriter.bySlug("later").orElseThrow().isPublished()).as("kept as a draft, not scheduled").isFalse();
    }

    @Test
    void theSiteDefaultDisclosureLetsAnArticlePublishAndShowsOnItsPage() {
        withoutDefaultDisclosure();
        Map<String, String> form = Map.of("_csrf", admin.csrfToken(TrustAdminRoutes.PATH),
                "defaultDisclosure", "This clinic takes no sponsorship.", "maxGrade", "");
        assertThat(admin.post(TrustAdminRoutes.PATH, form).statusCode()).isEqualTo(303);

        assertThat(publish("with-default", "", "").statusCode()).isEqualTo(303);

        server.server().refreshCache();
        assertThat(server.page("/with-default/").select("[data-benchmark=disclosure]").text())
                .isEqualTo("Disclosure: This clinic takes no sponsorship.");
    }

    @Test
    void theDashboardAsksAnAdministratorToSetTheDefaultDisclosureOnce() {
        withoutDefaultDisclosure();
        assertThat(admin.page("/admin/").text()).contains("Set the site's default disclosure");
        assertThat(editor.page("/admin/").text()).doesNotContain("Set the site's default disclosure");

        Map<String, String> empty = Map.of("_csrf", admin.csrfToken(TrustAdminRoutes.PATH), "defaultDisclosure", " ",
                "maxGrade", "3");
        HttpResponse<String> refused = admin.post(TrustAdminRoutes.PATH, empty);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Enter the default disclosure", "Give a whole grade from 4 to 14");

        admin.post(TrustAdminRoutes.PATH, Map.of("_csrf", admin.csrfToken(TrustAdminRoutes.PATH),
                "defaultDisclosure", "No sponsorship.", "maxGrade", ""));
        assertThat(admin.page("/admin/").text()).doesNotContain("Set the site's default disclosure");
    }

    @Test
    void theGradeLimitRefusesHardTextInTheSameRule() {
        admin.post(TrustAdminRoutes.PATH, Map.of("_csrf", admin.csrfToken(TrustAdminRoutes.PATH),
                "defaultDisclosure", "No sponsorship.", "maxGrade", "4"));

        HttpResponse<String> refused = publish("too-hard", "None.", "", "Postoperative rehabilitation necessitates"
                + " comprehensive multidisciplinary collaboration between physiotherapists and orthopaedic surgeons,"
                + " particularly following complicated arthroplasty procedures.");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(org.jsoup.Jsoup.parse(refused.body()).select("#markdown-error").text())
                .contains("this site publishes articles up to grade 4");
        assertThat(publish("easy", "None.", "", "Rest the knee. Use ice. Walk a little.").statusCode()).isEqualTo(303);
    }

    @Test
    void importsAPublishedFileWithoutDisclosureAsADraftOnlyWhenAskedTo() {
        withoutDefaultDisclosure();
        Path folder = temp.resolve("import");
        MarkdownFiles.write(folder, "a.md", MarkdownFiles.article("undisclosed", "Undisclosed", "Some text."));
        MarkdownFiles.write(folder, "b.md", MarkdownFiles.article("disclosed", "Disclosed", "Some text.")
                .replace("summary:", "disclosure: \"None to declare.\"\nsummary:"));

        ImportReport stopped = server.site().importer.importPaths(List.of(folder), false);
        assertThat(stopped.isStopped()).isTrue();
        assertThat(server.site().articleWriter.bySlug("disclosed")).as("nothing is written when the import stops").isEmpty();

        ImportReport report = server.site().importer.importPaths(List.of(folder), false, ImportDisclosure.asDrafts());

        assertThat(report.hasProblems()).isFalse();
        assertThat(report.notes()).singleElement().asString()
                .startsWith("1 published article has no disclosure and came in as a draft, as --as-drafts asked");
        assertThat(server.site().articleWriter.bySlug("undisclosed").orElseThrow().status()).isEqualTo(Article.DRAFT);
        assertThat(server.site().articleWriter.bySlug("disclosed").orElseThrow().isPublished()).isTrue();
    }

    @Test
    void theEvidenceSummaryCountsReferencesAndIdentifiersAndDatesEveryBenchmark() {
        Path folder = temp.resolve("import");
        MarkdownFiles.write(folder, "policy.md", """
                ---
                title: "Editorial Policy"
                slug: editorial-policy
                type: page
                ---
                How we write.
                """);
        MarkdownFiles.write(folder, "article.md", """
                ---
                title: "Back pain"
                slug: back-pain
                author: Dr Ann Author
                published: 2025-02-01
                updated: 2025-06-10
                reviewed_by: Dr Rita Reviewer
                reviewed_on: 2025-06-01
                disclosure: "The author declares no conflicts of interest."
                ---
                """ + BODY);
        assertThat(server.site().importer.importPaths(List.of(folder), false).hasProblems()).isFalse();
        long authorId = server.site().articleWriter.bySlug("back-pain").orElseThrow().authorId();
        server.site().authors.updateProfile(authorId, "MD, FRCS (Orth)", null, null, null);

        server.server().refreshCache();
        Document page = server.page("/back-pain/");
        Element summary = page.selectFirst("section.evidence-summary");

        assertThat(summary.selectFirst("h2").text()).isEqualTo("About this article's evidence");
        assertThat(summary.select("[data-benchmark=authorship]").text())
                .isEqualTo("Written by Dr Ann Author, MD, FRCS (Orth). Medically reviewed by Dr Rita Reviewer on 1 June 2025.");
        assertThat(summary.selectFirst("[data-benchmark=authorship] a").attr("href")).isEqualTo("/author/dr-ann-author/");
        assertThat(summary.select("[data-benchmark=attribution]").text())
                .isEqualTo("Sources: 3 references, 2 with a DOI or PubMed number (PMID) that leads to the study.");
        assertThat(summary.selectFirst("[data-benchmark=attribution] a").attr("href")).isEqualTo("#references");
        assertThat(summary.select("[data-benchmark=disclosure]").text())
                .isEqualTo("Disclosure: The author declares no conflicts of interest.");
        assertThat(summary.select("[data-benchmark=currency] time")).extracting(t -> t.attr("datetime"))
                .containsExactly("2025-02-01", "2025-06-10", "2025-06-01");
        assertThat(summary.select("[data-benchmark=currency]").text())
                .isEqualTo("Dates: published 1 February 2025; updated 10 June 2025; last medically reviewed 1 June 2025.");
        assertThat(summary.select("a[href=/editorial-policy/]").text()).isEqualTo("Our editorial policy");
        // It sits after the references, which it counts.
        assertThat(page.select("section.references + section.evidence-summary")).hasSize(1);
    }

    @Test
    void pagesCarryNoBenchmarkPanel() {
        Path folder = temp.resolve("import");
        MarkdownFiles.write(folder, "about.md", "---\ntitle: About\nslug: about\ntype: page\n---\nAbout us.\n");
        server.site().importer.importPaths(List.of(folder), false);
        server.server().refreshCache();

        assertThat(server.page("/about/").select("section.evidence-summary")).isEmpty();
    }
}
