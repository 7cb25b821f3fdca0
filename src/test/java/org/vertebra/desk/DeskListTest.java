package org.vertebra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.readability.Readability;
import org.vertebra.support.Desk;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The desk's articles list over HTTP, as an editor uses it: searching titles, each order, each
 * filter alone and together, the empty result, paging, and the stored reading grade and missed
 * benchmarks that the list filters and sorts on, kept current by every save. On both databases.
 */
class DeskListTest {

    /** Short words, short sentences: a low reading grade. */
    private static final String PLAIN = "Rest a bit. Walk each day. Use ice on it. Most knees get well.";
    /** Long words in one long sentence: a high reading grade. */
    private static final String HARD = "Comprehensive multidisciplinary rehabilitation interventions substantially ameliorate"
            + " functional limitations characteristically associated with degenerative musculoskeletal conditions,"
            + " particularly osteoarthritis, notwithstanding considerable interindividual variability regarding"
            + " therapeutic responsiveness.";
    /** Between the two. */
    private static final String MIDDLE = "Physiotherapy usually helps people recover their movement after an injury,"
            + " although recovery sometimes takes several months. Gentle exercise is important.";
    /** A cited reference: attribution is met. */
    private static final String REFERENCES = " Ice may help [1].\n\n## References\n\n- Demo A. A generated reference. Demo J. 2020;1:1-2.\n";
    private static final String DISCLOSURE = "No conflicts of interest.";

    @TempDir
    Path temp;

    private TestClock clock;
    private TestServer server;
    private WebClient editor;
    private long dana;
    private long robin;

    private void start(TestDatabase kind) {
        clock = TestClock.at("2026-03-02T09:00:00Z");
        server = TestServer.empty(kind, temp, clock);
        Desk desk = new Desk(server, "list");
        editor = desk.client(AccountRole.EDITOR);
        dana = server.site().authors.ensure("Dana Demo").id();
        robin = server.site().authors.ensure("Robin Example").id();
        // no default disclosure: an article without its own misses the benchmark
        server.site().trustSettings.save(new org.vertebra.trust.TrustSettingsChange(null, null));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The five lines most tests share, saved an hour apart in this order (the last saved is listed first). */
    private void fiveArticles() {
        create("Knee pain after running", PLAIN + REFERENCES, "Lower Limb", dana, DISCLOSURE, "publish", "post");
        create("Back pain: when to worry", HARD + REFERENCES, "Spine", robin, DISCLOSURE, "publish", "post");
        create("Shoulder exercises", MIDDLE, "Upper Limb", dana, "", "save", "post");
        create("KNEE replacement: the first weeks", HARD, "Lower Limb", robin, DISCLOSURE, "review", "post");
        create("About the clinic", PLAIN, "", null, "", "publish", "page");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void searchesTitlesWithoutRegardToCaseOrToLettersBeyondAscii(TestDatabase kind) {
        start(kind);
        fiveArticles();
        create("Œdème du genou: swelling explained", PLAIN, "Lower Limb", dana, DISCLOSURE, "save", "post");

        assertThat(titles("q=knee")).containsExactly("KNEE replacement: the first weeks", "Knee pain after running");
        assertThat(titles("q=KNEE+R")).containsExactly("KNEE replacement: the first weeks");
        assertThat(titles("q=" + enc("ŒDÈME"))).containsExactly("Œdème du genou: swelling explained");
        assertThat(titles("q=" + enc("pain:"))).containsExactly("Back pain: when to worry");
        // the wildcards of LIKE are letters like any other
        assertThat(titles("q=" + enc("%"))).isEmpty();
        assertThat(titles("q=" + enc("k_ee"))).isEmpty();
        Document page = editor.page("/admin/articles/?q=knee");
        assertThat(page.selectFirst("input[name=q]").val()).isEqualTo("knee");
        assertThat(page.selectFirst("table.desk caption").text()).startsWith("2 match: everything, titles containing \u201cknee\u201d");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sortsByLastChangePublishingDateTitleAndReadingGrade(TestDatabase kind) {
        start(kind);
        fiveArticles();
        // the first article, published first, is changed last: the two date orders part
        save(idOf("Knee pain after running"), Map.of("summary", "Changed last."));

        assertThat(titles("")).containsExactly("Knee pain after running", "About the clinic",
                "KNEE replacement: the first weeks", "Shoulder exercises", "Back pain: when to worry");
        assertThat(titles("sort=changed")).isEqualTo(titles(""));
        assertThat(titles("sort=published")).containsExactly("About the clinic", "KNEE replacement: the first weeks",
                "Shoulder exercises", "Back pain: when to worry", "Knee pain after running");
        assertThat(titles("sort=title")).containsExactly("About the clinic", "Back pain: when to worry",
                "Knee pain after running", "KNEE replacement: the first weeks", "Shoulder exercises");
        // hardest first; the page has no grade and comes last
        assertThat(titles("sort=grade")).containsExactly("KNEE replacement: the first weeks", "Back pain: when to worry",
                "Shoulder exercises", "Knee pain after running", "About the clinic");
        assertThat(editor.page("/admin/articles/?sort=grade").select("select[name=sort] option[selected]").val())
                .isEqualTo("grade");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void filtersByStatusCategoryAuthorAndMissedBenchmarkAloneAndTogether(TestDatabase kind) {
        start(kind);
        fiveArticles();
        long lowerLimb = categoryId("Lower Limb");

        assertThat(titles("shelf=published")).containsExactlyInAnyOrder("Knee pain after running",
                "Back pain: when to worry", "About the clinic");
        assertThat(titles("shelf=drafts")).containsExactly("Shoulder exercises");
        assertThat(titles("shelf=in-review")).containsExactly("KNEE replacement: the first weeks");
        assertThat(titles("category=" + lowerLimb)).containsExactlyInAnyOrder("Knee pain after running",
                "KNEE replacement: the first weeks");
        assertThat(titles("author=" + robin)).containsExactlyInAnyOrder("Back pain: when to worry",
                "KNEE replacement: the first weeks");
        assertThat(titles("missed=disclosure")).containsExactly("Shoulder exercises");
        assertThat(titles("missed=attribution")).containsExactlyInAnyOrder("Shoulder exercises",
                "KNEE replacement: the first weeks");
        // no author has credentials and nothing is reviewed: every article misses something, pages never
        assertThat(titles("missed=any")).hasSize(4).doesNotContain("About the clinic");

        assertThat(titles("shelf=published&category=" + lowerLimb)).containsExactly("Knee pain after running");
        assertThat(titles("category=" + lowerLimb + "&author=" + robin)).containsExactly("KNEE replacement: the first weeks");
        assertThat(titles("author=" + dana + "&missed=attribution")).containsExactly("Shoulder exercises");
        assertThat(titles("q=knee&shelf=in-review&category=" + lowerLimb + "&author=" + robin + "&missed=attribution&sort=title"))
                .containsExactly("KNEE replacement: the first weeks");

        Document page = editor.page("/admin/articles/?shelf=published&category=" + lowerLimb + "&author=" + dana
                + "&missed=any&sort=title");
        assertThat(page.select("select[name=shelf] option[selected]").val()).isEqualTo("published");
        assertThat(page.select("select[name=category] option[selected]").val()).isEqualTo(String.valueOf(lowerLimb));
        assertThat(page.select("select[name=author] option[selected]").val()).isEqualTo(String.valueOf(dana));
        assertThat(page.select("select[name=missed] option[selected]").val()).isEqualTo("any");
        assertThat(page.select("form.desk-filters label").eachText()).contains("Title contains", "Status", "Category",
                "Author", "Trust benchmarks missed", "Sort by");
        assertThat(page.selectFirst("table.desk caption").text()).isEqualTo(
                "1 matches: published, in Lower Limb, by Dana Demo, missing a trust benchmark; sorted by title, A to Z");
        // the shelves keep the filters
        assertThat(page.select("nav.shelves a").first().attr("href")).contains("category=" + lowerLimb)
                .contains("author=" + dana).contains("missed=any").contains("sort=title").doesNotContain("shelf=");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void saysNoArticlesMatchAndLinksToTheShelfWithoutFilters(TestDatabase kind) {
        start(kind);
        fiveArticles();

        Document page = editor.page("/admin/articles/?q=elbow&shelf=published&sort=title");

        assertThat(page.select("table.desk")).isEmpty();
        assertThat(page.selectFirst(".desk-empty[role=status]").text()).startsWith("No articles match these filters.");
        String clear = page.selectFirst(".desk-empty a").attr("href");
        assertThat(clear).isEqualTo("/admin/articles/?shelf=published&sort=title");
        assertThat(editor.page(clear).select("table.desk a.desk-title").eachText()).hasSize(3);
        assertThat(editor.page(clear).select(".desk-filters a")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesSeekOnFromTheLastLineShownAndBackKeepingTheFilters(TestDatabase kind) {
        start(kind);
        for (int n = 1; n <= EditorialDesk.PAGE_SIZE + 3; n++) {
            create(String.format("Exercise sheet %02d", n), PLAIN, "Rehabilitation", dana, DISCLOSURE, "save", "post");
        }
        create("Not on the list", PLAIN, "Spine", dana, DISCLOSURE, "save", "post");

        Document first = editor.page("/admin/articles/?q=sheet&sort=title");
        assertThat(first.select("table.desk a.desk-title")).hasSize(EditorialDesk.PAGE_SIZE);
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.selectFirst("table.desk caption").text()).startsWith("28 match");
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("q=sheet").contains("sort=title").contains("after=" + idOf("Exercise sheet 25"))
                .doesNotContain("offset");

        Document second = editor.page(next);
        assertThat(second.select("table.desk a.desk-title").eachText()).containsExactly("Exercise sheet 26",
                "Exercise sheet 27", "Exercise sheet 28");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.selectFirst("nav.pagination span").text()).isEqualTo("Page 2");

        Document back = editor.page(second.selectFirst("a[rel=prev]").attr("href"));
        assertThat(back.select("table.desk a.desk-title").eachText()).hasSize(EditorialDesk.PAGE_SIZE)
                .startsWith("Exercise sheet 01").endsWith("Exercise sheet 25");
        assertThat(back.select("a[rel=prev]")).isEmpty();
        // an address with a page number (a bookmark from before) still finds its page
        assertThat(titles("q=sheet&sort=title&page=2")).containsExactly("Exercise sheet 26", "Exercise sheet 27",
                "Exercise sheet 28");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theStoredGradeAndMissedBenchmarksFollowAnEdit(TestDatabase kind) {
        start(kind);
        fiveArticles();
        long shoulder = idOf("Shoulder exercises");
        assertThat(stored(shoulder, "reading_grade")).isEqualTo(Readability.ofMarkdown(MIDDLE).readingGrade());
        assertThat(titles("sort=grade").get(0)).isEqualTo("KNEE replacement: the first weeks");

        String harder = HARD.replace(".", ",") + " " + HARD.replace(".", ",") + " " + HARD; // one sentence, three times as long
        assertThat(Readability.ofMarkdown(harder + REFERENCES).readingGrade()).isGreaterThan(Readability.ofMarkdown(HARD).readingGrade());
        save(shoulder, Map.of("markdown", harder + REFERENCES, "disclosure", DISCLOSURE));

        assertThat(stored(shoulder, "reading_grade")).isEqualTo(Readability.ofMarkdown(harder + REFERENCES).readingGrade());
        assertThat(titles("sort=grade").get(0)).isEqualTo("Shoulder exercises");
        assertThat(titles("missed=disclosure")).isEmpty();
        assertThat(titles("missed=attribution")).containsExactly("KNEE replacement: the first weeks");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countsPublishedArticlesAboveAGradeFromTheStoredGrade(TestDatabase kind) {
        start(kind);
        fiveArticles();
        int between = (int) Math.floor(Readability.ofMarkdown(PLAIN + REFERENCES).readingGrade()) + 1;
        assertThat(Readability.ofMarkdown(HARD + REFERENCES).readingGrade()).isGreaterThan(between);

        // published: the plain knee article and the hard back one; the draft and the one in review do not count, nor the page
        assertThat(server.site().articles.countPublishedAboveGrade(between))
                .as("grades %s, %s; above %d", stored(idOf("Knee pain after running"), "reading_grade"),
                        stored(idOf("Back pain: when to worry"), "reading_grade"), between)
                .isEqualTo(1);
        assertThat(server.site().articles.countPublishedAboveGrade(0)).isEqualTo(2);

        // the stored grade, not the text: changed behind the text's back, the count follows it
        server.site().database.jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET reading_grade = 300 WHERE id = :id")
                .bind("id", idOf("Knee pain after running")).execute());
        assertThat(server.site().articles.countPublishedAboveGrade(between)).isEqualTo(2);
        assertThat(server.site().articles.countPublishedAboveGrade(299)).isEqualTo(1);
    }

    private List<String> titles(String query) {
        HttpResponse<String> response = editor.get("/admin/articles/" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return org.jsoup.Jsoup.parse(response.body()).select("table.desk a.desk-title").eachText();
    }

    /**
     * Creates an article through the editor's form, ten minutes after the one before (the 28 of
     * the paging test stay within a session's 12 hours).
     */
    private long create(String title, String markdown, String category, Long authorId, String disclosure, String intent,
                        String kind) {
        clock.advance(Duration.ofMinutes(10));
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", editor.csrfToken("/admin/articles/new/"));
        form.put("kind", kind);
        form.put("title", title);
        form.put("slug", "");
        form.put("summary", "");
        form.put("markdown", markdown);
        form.put("categories", category);
        form.put("tags", "");
        form.put("authorId", authorId == null ? "" : String.valueOf(authorId));
        form.put("disclosure", disclosure);
        form.put("zone", "UTC");
        form.put("intent", intent);
        HttpResponse<String> response = editor.post("/admin/articles/", form);
        assertThat(response.statusCode()).as(title + ": " + response.body()).isEqualTo(303);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }

    /** Saves the article's edit form as it stands, with these fields changed, an hour later. */
    private void save(long id, Map<String, String> changes) {
        clock.advance(Duration.ofHours(1));
        Document page = editor.page("/admin/articles/" + id + "/edit/");
        Map<String, String> form = new HashMap<>();
        page.selectFirst("form.editor-form").select("input[name]:not([type=checkbox]), select[name], textarea[name]")
                .forEach(field -> form.put(field.attr("name"), field.tagName().equals("textarea") ? field.wholeText()
                        : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val()));
        form.put("intent", "save");
        form.putAll(changes);
        HttpResponse<String> response = editor.post("/admin/articles/" + id + "/", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    }

    private long idOf(String title) {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE title = :title")
                .bind("title", title).mapTo(Long.class).one());
    }

    private double stored(long id, String column) {
        return server.site().database.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM articles WHERE id = :id")
                .bind("id", id).mapTo(Double.class).one());
    }

    private long categoryId(String name) {
        return server.site().taxonomy.categories().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
