package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.account.SignIn;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.comment.Comment;
import org.vertebra.comment.CommentService;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.trust.ImportDisclosure;
import org.vertebra.wordpress.WordPressReport.Outcome;

/** The importer on the export a real WordPress made (src/test/resources/wordpress), on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class WordPressImportTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path temp;

    private final TestClock clock = TestClock.at("2026-06-01T12:00:00Z");
    private TestSite testSite;
    private Site site;

    @BeforeEach
    void openSite() {
        testSite = TestSite.open(database, temp, clock);
        site = testSite.site();
        site.initialize(false);
    }

    @AfterEach
    void closeSite() {
        testSite.close();
    }

    private WordPressReport importFixture() {
        return site.wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), false, WordPressImporter.Progress.none());
    }

    private Article article(String slug) {
        return site.articleWriter.bySlug(slug).orElseThrow(() -> new AssertionError("no article /" + slug + "/"));
    }

    @Test
    void bringsAcrossPostsPagesWritersTermsMediaAndComments() {
        WordPressReport report = importFixture();
        assertThat(report.failures()).isEmpty();
        assertThat(report.count("post", Outcome.CREATED)).isEqualTo(WordPressFixture.POSTS);
        assertThat(report.count("page", Outcome.CREATED)).isEqualTo(2);
        assertThat(report.count("author", Outcome.CREATED)).isEqualTo(4);
        assertThat(report.count("category", Outcome.CREATED)).isEqualTo(7);
        assertThat(report.count("tag", Outcome.CREATED)).isEqualTo(3);
        // six pictures and a WAV file
        assertThat(report.count("attachment", Outcome.CREATED)).isEqualTo(7);
        assertThat(report.count("comment", Outcome.CREATED)).isEqualTo(5);
        // WordPress's export leaves spam out itself; the comment in its trash is left out here.
        assertThat(report.count("comment", Outcome.SKIPPED)).isEqualTo(1);
    }

    @Test
    void onASiteWithoutDefaultDisclosureTheImportStopsBeforeWritingAnythingAndNamesTheWaysOn() {
        site.siteSettings.saveValue("trust.default_disclosure", null);
        int before = rows("articles") + rows("users") + rows("media") + rows("categories") + rows("legacy_urls");

        WordPressReport report = importFixture();

        assertThat(report.isStopped()).isTrue();
        assertThat(report.failures()).singleElement().asString().startsWith("9 published posts have no disclosure")
                .contains("--default-disclosure").contains("--as-drafts").contains("/admin/settings/trust/");
        assertThat(rows("articles") + rows("users") + rows("media") + rows("categories") + rows("legacy_urls")).isEqualTo(before);
    }

    @Test
    void theDefaultDisclosureOptionSetsTheSitesDefaultAndEveryPublishedPostStaysPublished() {
        site.siteSettings.saveValue("trust.default_disclosure", null);

        WordPressReport report = site.wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), false,
                ImportDisclosure.defaultTo("The writers declare no conflicts of interest."), WordPressImporter.Progress.none());

        assertThat(report.failures()).isEmpty();
        assertThat(site.trustSettings.policy().defaultDisclosure()).isEqualTo("The writers declare no conflicts of interest.");
        assertThat(report.notes()).singleElement().asString().contains("default disclosure is now");
        assertThat(article("low-back-pain-demo").status()).isEqualTo(Article.PUBLISHED);
        assertThat(site.articles.isPublic(article("knee-exercises-demo"))).isTrue();
    }

    @Test
    void theDefaultDisclosureOptionKeepsADefaultTheSiteAlreadyHasAndSaysSo() {
        site.siteSettings.saveValue("trust.default_disclosure", "The clinic's own disclosure.");

        WordPressReport report = site.wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), false,
                ImportDisclosure.defaultTo("Another text."), WordPressImporter.Progress.none());

        assertThat(site.trustSettings.policy().defaultDisclosure()).isEqualTo("The clinic's own disclosure.");
        assertThat(report.warnings()).anyMatch(w -> w.contains("already has a default disclosure; it was kept"));
    }

    @Test
    void asDraftsImportsPublishedPostsAsDraftsOnPurposeWithOneLineInTheReport() {
        site.siteSettings.saveValue("trust.default_disclosure", null);

        WordPressReport report = site.wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), false,
                ImportDisclosure.asDrafts(), WordPressImporter.Progress.none());

        assertThat(report.failures()).isEmpty();
        assertThat(article("low-back-pain-demo").status()).isEqualTo(Article.DRAFT);
        assertThat(article("about-clinic").status()).isEqualTo(Article.PUBLISHED); // pages need no disclosure
        assertThat(report.notes()).singleElement().asString().startsWith("9 published posts have no disclosure and came in as drafts");
        assertThat(report.warnings()).noneMatch(w -> w.contains("disclosure"));
    }

    @Test
    void classicPostKeepsDateAuthorImageTermsSummaryReferencesAndSeo() {
        importFixture();
        Article post = article("low-back-pain-demo");
        assertThat(post.title()).isEqualTo("Low Back Pain: A Demo Overview");
        assertThat(post.status()).isEqualTo(Article.PUBLISHED);
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2023-03-14T08:30:00Z"));
        assertThat(post.summary()).isEqualTo("A demo overview of low back pain for an import test; not medical advice.");
        assertThat(site.authors.byId(post.authorId()).orElseThrow().name()).isEqualTo("Dr Dana Demo");
        assertThat(site.media.byId(post.imageId()).orElseThrow().alt()).isEqualTo("Plastic model of a lumbar spine");
        assertThat(site.taxonomy.categoriesOf(post.id())).extracting(c -> c.slug()).containsExactlyInAnyOrder("lower-back", "spine");
        assertThat(site.taxonomy.tagsOf(post.id())).extracting(t -> t.slug()).containsExactlyInAnyOrder("back-pain", "exercise");
        assertThat(post.references()).hasSize(2);
        assertThat(post.references().get(0).doi()).isEqualTo("10.1234/demo.2019.045");
        assertThat(post.references().get(0).pmid()).isEqualTo("31234567");
        assertThat(post.references().get(1).pmid()).isEqualTo("33445566");
        assertThat(post.bodyHtml()).contains("<figcaption>A demo spine model, seen from the side.</figcaption>")
                .doesNotContain("wp-content").contains(site.media.byId(post.imageId()).orElseThrow().url());
        assertThat(site.articleWriter.searchAppearance(post.id()).orElseThrow().description())
                .isEqualTo("Demo content: what usually helps low back pain, and when to see a doctor.");
        assertThat(site.articleWriter.searchAppearance(article("knee-exercises-demo").id()).orElseThrow().title())
                .isEqualTo("Knee exercises (demo)");
    }

    @Test
    void nestedCategoriesKeepTheirHierarchyInTheCategoryMenu() {
        importFixture();
        var spine = site.menus.tree(org.vertebra.taxonomy.TaxonomyService.CATEGORY_MENU).stream()
                .filter(e -> e.url().equals("/category/spine/")).findFirst().orElseThrow();
        assertThat(spine.children()).extracting(e -> e.url()).containsExactly("/category/lower-back/", "/category/sciatica/");
        assertThat(site.taxonomy.categoriesOf(article("sciatica-explained-demo").id())).extracting(c -> c.slug())
                .containsExactly("sciatica", "lower-back", "spine");
    }

    @Test
    void statusesMapToPublishedScheduledDraftReviewAndHidden() {
        importFixture();
        Article scheduled = article("hip-recovery-demo");
        assertThat(scheduled.status()).isEqualTo(Article.PUBLISHED);
        assertThat(scheduled.publishedAt()).isEqualTo(Instant.parse("2031-01-15T07:00:00Z"));
        assertThat(site.articles.isPublic(scheduled)).isFalse();
        assertThat(article("shoulder-draft-demo").status()).isEqualTo(Article.DRAFT);
        Article pending = article("ankle-sprain-demo");
        assertThat(pending.status()).isEqualTo(Article.DRAFT);
        assertThat(pending.reviewRequestedAt()).isNotNull();
        Article hidden = article("staff-notes-demo");
        assertThat(site.articles.isPublic(hidden)).isFalse();
        assertThat(article("about-clinic").isPage()).isTrue();
        assertThat(article("team").isPage()).isTrue();
    }

    @Test
    void renamedPostsOldSlugRedirects() {
        importFixture();
        assertThat(article("sciatica-explained-demo").title()).isEqualTo("Sciatica Explained (Demo)");
        assertThat(site.articles.renamedTo("sciatica-old-name")).contains("sciatica-explained-demo");
    }

    @Test
    void commentsKeepTheirThreadsWritersAndApproval() {
        WordPressReport report = importFixture();
        Article knee = article("knee-exercises-demo");
        List<CommentService.Thread> threads = site.comments.threads(knee.id());
        assertThat(threads).hasSize(1);
        CommentService.Thread thread = threads.get(0);
        assertThat(thread.comment().name()).isEqualTo("Demo Reader");
        assertThat(thread.comment().bodyMarkdown()).contains("Asking for a demo relative.");
        assertThat(thread.replies()).extracting(Comment::name).containsExactly("Dr Dana Demo", "Demo Reader");
        Comment staff = thread.replies().get(0);
        assertThat(staff.isStaff()).isTrue();
        assertThat(thread.replies().get(1).replyToId()).isEqualTo(staff.id());
        assertThat(thread.replies().get(1).parentId()).isEqualTo(thread.comment().id());
        assertThat(site.comments.queue(Comment.Status.HELD, 10, 0)).extracting(Comment::name).containsExactly("Second Reader");
        assertThat(report.skipped()).extracting(WordPressReport.Entry::reason).anyMatch(r -> r.startsWith("marked trash"));
    }

    @Test
    void spamCommentsAreLeftOutAndReported() throws IOException {
        Path withSpam = temp.resolve("spam.xml");
        Files.writeString(withSpam, Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8)
                .replace("<wp:comment_approved><![CDATA[trash]]>", "<wp:comment_approved><![CDATA[spam]]>"));
        WordPressReport report = site.wordpress.importFile(withSpam, WordPressFixture.uploads(), false, WordPressImporter.Progress.none());
        assertThat(report.skipped()).extracting(WordPressReport.Entry::reason).anyMatch(r -> r.startsWith("marked spam"));
        assertThat(rows("comments")).isEqualTo(5);
    }

    @Test
    void writersGetAccountsWithoutPasswordThatAResetLinkOpens() {
        importFixture();
        assertThat(site.accounts.users()).extracting(u -> u.email()).contains("dr.demo@clinic.example", "alex.writer@clinic.example");
        SignIn attempt = site.accounts.signIn("dr.demo@clinic.example", "!no-password", "127.0.0.1");
        assertThat(attempt).isInstanceOf(SignIn.Refused.class);
        assertThat(site.accounts.issuePasswordReset("dr.demo@clinic.example")).isPresent();
    }

    @Test
    void secondRunUpdatesInsteadOfDuplicating() throws IOException {
        importFixture();
        int articles = rows("articles");
        int comments = rows("comments");
        int media = rows("media");
        WordPressReport again = importFixture();
        assertThat(again.failures()).isEmpty();
        assertThat(again.count("post", Outcome.CREATED)).isZero();
        assertThat(again.count("post", Outcome.UNCHANGED)).isEqualTo(WordPressFixture.POSTS);
        assertThat(again.count("comment", Outcome.UNCHANGED)).isEqualTo(5);
        assertThat(rows("articles")).isEqualTo(articles);
        assertThat(rows("comments")).isEqualTo(comments);
        assertThat(rows("media")).isEqualTo(media);

        Path changed = temp.resolve("changed.xml");
        Files.writeString(changed, Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8)
                .replace("Sciatica is pain along the sciatic nerve", "Sciatica is leg pain along the sciatic nerve"));
        WordPressReport third = site.wordpress.importFile(changed, WordPressFixture.uploads(), false, WordPressImporter.Progress.none());
        assertThat(third.count("post", Outcome.UPDATED)).isEqualTo(1);
        Article sciatica = article("sciatica-explained-demo");
        assertThat(sciatica.bodyMarkdown()).contains("leg pain");
        assertThat(site.articleWriter.revisions(sciatica.id())).hasSize(1);
        assertThat(rows("articles")).isEqualTo(articles);
    }

    @Test
    void dryRunReportsWhatWouldChangeAndWritesNothing() throws IOException {
        int before = rows("articles") + rows("users") + rows("media") + rows("comments") + rows("categories") + rows("legacy_urls");
        WordPressReport report = site.wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), true,
                WordPressImporter.Progress.none());
        assertThat(report.count("post", Outcome.CREATED)).isEqualTo(WordPressFixture.POSTS);
        assertThat(report.toText()).startsWith("Dry run: nothing was written.");
        assertThat(rows("articles") + rows("users") + rows("media") + rows("comments") + rows("categories") + rows("legacy_urls"))
                .isEqualTo(before);
        assertThat(rows("media_files")).isZero();
        if (Files.exists(site.settings.mediaDir())) {
            try (var files = Files.walk(site.settings.mediaDir())) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
        }
    }

    private int rows(String table) {
        return site.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
}
