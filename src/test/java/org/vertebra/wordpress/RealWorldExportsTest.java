package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.article.Article;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.taxonomy.MenuEntry;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.wordpress.WordPressReport.Outcome;

/**
 * What real WordPress and WordPress.com exports bring, on the export the real WordPress made
 * (make-export.sh) and on copies of it changed the way other writers of exports differ: each
 * comes across whole, its old addresses answer, and its titles read as text.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class RealWorldExportsTest {

    private static final String PROTECTED_TEXT = "PROTECTED-DEMO-TEXT";

    @Parameter
    TestDatabase database;

    @TempDir
    Path temp;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private WordPressReport importExport(String text) throws IOException {
        Path file = temp.resolve("export.xml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        server = TestServer.empty(database, Files.createDirectories(temp.resolve("site")), TestClock.at("2026-06-01T12:00:00Z"));
        server.site().trustSettings.adoptDefaultDisclosure("Demo disclosure: the writers declare no conflicts of interest.");
        WordPressReport report = server.site().wordpress.importFile(file, WordPressFixture.uploads(), false,
                WordPressImporter.Progress.none());
        server.server().refreshCache();
        return report;
    }

    private static String realExport() throws IOException {
        return Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8);
    }

    private Article article(String slug) {
        return server.site().articleWriter.bySlug(slug).orElseThrow(() -> new AssertionError("no article /" + slug + "/"));
    }

    @Test
    void anExportWithTheHttpsNamespaceOfWordPressComReadsAsTheSame() throws IOException {
        // WordPress.com writes xmlns:wp="https://wordpress.org/export/1.2/"; made here by rewriting the real export's
        // namespace declarations, as the Debian WordPress writes http://.
        String https = realExport().replace("xmlns:wp=\"http://wordpress.org/export/", "xmlns:wp=\"https://wordpress.org/export/")
                .replace("xmlns:excerpt=\"http://wordpress.org/export/", "xmlns:excerpt=\"https://wordpress.org/export/");
        assertThat(https).contains("xmlns:wp=\"https://wordpress.org/export/1.2/\"");

        WordPressReport report = importExport(https);

        assertThat(report.failures()).isEmpty();
        assertThat(report.count("post", Outcome.CREATED)).isEqualTo(WordPressFixture.POSTS);
        assertThat(article("low-back-pain-demo").summary()).startsWith("A demo overview");
    }

    @Test
    void titlesExcerptsTermsAndWritersNamesAreDecodedOnceToText() throws IOException {
        importExport(realExport());

        Article myths = article("hip-myths-demo");
        assertThat(myths.title()).isEqualTo("Media & Text: Hip Pain \"Myths\" & Facts (x < 3)");
        assertThat(myths.summary()).isEqualTo("Demo myths & facts about hip pain; not medical advice.");
        Document page = server.page("/hip-myths-demo/");
        assertThat(page.select("h1").text()).isEqualTo("Media & Text: Hip Pain \"Myths\" & Facts (x < 3)");
        assertThat(page.title()).startsWith("Media & Text: Hip Pain");
        assertThat(page.html()).doesNotContain("&amp;amp;").doesNotContain("&lt;em&gt;");
        assertThat(server.page("/category/bones-joints/").select("h1").text()).isEqualTo("Bones & Joints");
        assertThat(server.site().authors.byId(myths.authorId()).orElseThrow().name()).isEqualTo("Pat O'Neill & Team");
    }

    @Test
    void aMenuLabelWithAnEntityReadsAsText() throws IOException {
        // As WordPress stores a label typed with "&" in the menu editor.
        String export = realExport().replace("<title><![CDATA[Patient Charity (Demo)]]></title>",
                "<title><![CDATA[Patient &amp; Family Charity (Demo)]]></title>");

        importExport(export);

        assertThat(server.site().menus.tree(TaxonomyService.PRIMARY_MENU)).extracting(MenuEntry::label)
                .contains("Patient & Family Charity (Demo)");
        assertThat(server.page("/").select("nav a").eachText()).contains("Patient & Family Charity (Demo)");
    }

    @Test
    void aPublishedPostWithoutTitleComesAcrossTitledByItsFirstWordsAtItsOldAddress() throws IOException {
        WordPressReport report = importExport(realExport());

        Article untitled = article("29-2");
        assertThat(untitled.title()).isEqualTo("A demo note published without a title");
        assertThat(untitled.status()).isEqualTo(Article.PUBLISHED);
        assertThat(server.get("/29-2/").statusCode()).isEqualTo(200);
        assertThat(server.get("/?p=29").headers().firstValue("Location")).contains("/29-2/");
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("post 29 at /29-2/ had no title"));
    }

    @Test
    void aPasswordProtectedPostIsADraftAndItsTextIsNowherePublic() throws IOException {
        WordPressReport report = importExport(realExport());

        Article hidden = article("protected-demo");
        assertThat(hidden.status()).isEqualTo(Article.DRAFT);
        assertThat(report.warnings()).anyMatch(w -> w.contains("protected by a password") && w.contains("draft"));
        assertThat(server.get("/protected-demo/").statusCode()).isEqualTo(404);
        for (String path : List.of("/", "/feed/", "/feed/atom/", "/sitemap.xml", "/search/?q=protected", "/search/?q=patients+password",
                "/author/drdemo/", "/2024/07/03/protected-demo/", "/?p=30", "/low-back-pain-demo/")) {
            var response = server.get(path);
            assertThat(response.body()).as(path).doesNotContain(PROTECTED_TEXT).doesNotContain("Protected Demo Notes");
        }
    }

    @Test
    void textBetweenElementsIsIgnoredWithOneWarningNamingWhere() throws IOException {
        String stray = realExport().replace("</wp:is_sticky>", "</wp:is_sticky>x");

        WordPressReport report = importExport(stray);

        assertThat(report.failures()).isEmpty();
        assertThat(report.count("post", Outcome.CREATED)).isEqualTo(WordPressFixture.POSTS);
        assertThat(report.warnings()).filteredOn(w -> w.contains("text between elements")).singleElement().asString()
                .matches("text between elements was ignored in \\d+ places, on lines \\d+, \\d+, \\d+, \\d+, \\d+ and others.*");
    }

    @Test
    void aCdataSectionSplitAroundItsEndMarkerKeepsTheWholeText() throws IOException {
        // WordPress writes "]]>" inside a post as "]]]]><![CDATA[>" (wxr_cdata): two sections that are one text.
        String export = realExport();
        assertThat(export).contains("a[b[0]]]]><![CDATA[>c");

        importExport(export);

        assertThat(article("fracture-healing-demo").bodyMarkdown()).contains("a[b[0]]>c");
    }

    @Test
    void elementsTheReaderDoesNotKnowAreListedAndNothingFails() throws IOException {
        String extra = realExport().replace("<wp:is_sticky>0</wp:is_sticky>",
                "<wp:is_sticky>0</wp:is_sticky><wp:post_format_plugin>aside</wp:post_format_plugin>");

        WordPressReport report = importExport(extra);

        assertThat(report.failures()).isEmpty();
        assertThat(report.unknownElements()).containsKey("<wp:post_format_plugin>");
        assertThat(report.toText()).contains("Elements Vertebra does not read").contains("<wp:post_format_plugin>");
    }

    @Test
    void theSameProblemInOnePostIsOneLineWithACount() throws IOException {
        String outside = "<img src=\"https://images.example/ward.jpg\" alt=\"A ward\" />";
        String export = realExport().replace("Sciatica is pain along the sciatic nerve",
                outside + outside + outside + "Sciatica is pain along the sciatic nerve");

        WordPressReport report = importExport(export);

        assertThat(report.warnings()).filteredOn(w -> w.contains("https://images.example/ward.jpg")).singleElement().asString()
                .endsWith("(3 times)");
    }

    @Test
    void galleriesBecomeAGridOfTheImportedImagesAndTheAudioFileANativePlayerServedHere() throws IOException {
        WordPressReport report = importExport(realExport());

        assertThat(report.unknownShortcodes()).doesNotContainKeys("[gallery]", "[audio]");
        Document page = server.page("/clinic-gallery-demo/");
        var galleries = page.select("main figure.gallery");
        assertThat(galleries).hasSize(2); // the [gallery] shortcode and the gallery block
        assertThat(galleries.get(0).select("img").eachAttr("alt"))
                .containsExactly("Chairs in a bright waiting room", "A bench with rolls of plaster", "Exercise mats and a wall bar");
        assertThat(galleries.get(0).select("img").eachAttr("src")).allMatch(src -> src.startsWith("/media/"));
        assertThat(galleries.get(1).select("figcaption").eachText()).contains("The demo waiting room.");
        var players = page.select("main audio[controls]");
        assertThat(players).hasSize(2); // the audio block and the [audio] shortcode
        String src = players.get(0).attr("src").isEmpty() ? players.get(0).select("source").attr("src") : players.get(0).attr("src");
        assertThat(src).startsWith("/media/").endsWith(".wav");
        var file = server.get(src);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("audio/"));
        assertThat(page.html()).doesNotContain("wp-content").doesNotContain("127.0.0.1:47123");
    }

    @Test
    void aPostInSeveralPagesIsOneArticleAndItsOldPageAddressesLeadToIt() throws IOException {
        importExport(realExport());

        Article fracture = article("fracture-healing-demo");
        assertThat(fracture.bodyMarkdown()).contains("Part one").contains("Part two").contains("Part three")
                .doesNotContain("nextpage");
        // References as sites copy them from PubMed: "doi: ...7.&nbsp;[PubMed]" links the DOI alone.
        assertThat(server.page("/fracture-healing-demo/").select("a[href^=https://doi.org/]").eachAttr("href"))
                .containsExactly("https://doi.org/10.1016/S0254-6272(13)60066-7", "https://doi.org/10.7326/0003-4819-155-1-201107050-00002");
        // ... and its "[PubMed]" label still leads to PubMed, as the PMID of the reference.
        assertThat(server.page("/fracture-healing-demo/").select("a[href^=https://pubmed.ncbi.nlm.nih.gov/]").eachText())
                .containsExactly("PubMed", "PubMed");
        for (String old : List.of("/fracture-healing-demo/2/", "/fracture-healing-demo/3/", "/2024/07/04/fracture-healing-demo/2/")) {
            var response = server.get(old);
            assertThat(response.statusCode()).as(old).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(old).hasValueSatisfying(l -> assertThat(l).endsWith("/fracture-healing-demo/"));
        }
        assertThat(article("hip-myths-demo").bodyMarkdown()).as("<!--more--> is dropped").doesNotContain("<!--more")
                .contains("The rest of the demo article comes after");
    }

    @Test
    void theStickyPostOfTheRealExportIsFirstOnTheHomePageAndOnlyThere() throws IOException {
        importExport(realExport());

        // WordPress's stick_post() on the oldest post, dated 2021: first all the same.
        var titles = server.page("/").select(".card-title a").eachText();
        assertThat(titles).first().isEqualTo("Clinic Holiday Hours (Demo)");
        assertThat(titles).filteredOn("Clinic Holiday Hours (Demo)"::equals).hasSize(1);
        assertThat(article("holiday-hours-demo").publishedAt()).isBefore(article("low-back-pain-demo").publishedAt());
    }
}
