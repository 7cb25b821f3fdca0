package org.vertebra.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.support.MarkdownFiles.article;
import static org.vertebra.support.MarkdownFiles.png;
import static org.vertebra.support.MarkdownFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Markdown import against a real SQLite file and a real PostgreSQL database. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MarkdownImporterTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path temp;

    private TestSite testSite;
    private Site site;
    private Path files;

    @BeforeEach
    void openSite() throws IOException {
        testSite = TestSite.open(database, temp, Clock.systemUTC());
        site = testSite.site();
        files = Files.createDirectories(temp.resolve("files"));
    }

    @AfterEach
    void closeSite() {
        testSite.close();
    }

    @Test
    void importsArticleWithEveryFrontMatterField() {
        png(files, "img/heel.png");
        Path file = write(files, "heel.md", """
                ---
                title: "Plantar Fasciitis: Causes and Treatment"
                slug: plantar-fasciitis
                author: Jane Doe
                categories: [Lower Limb, Pain]
                tags: [heel pain]
                published: 2024-02-01
                updated: 2024-06-10T08:30:00Z
                summary: "Why the heel hurts in the morning."
                image: img/heel.png
                status: published
                reviewed_by: Dr John Roe
                reviewed_on: 2024-06-01
                disclosure: "No conflicts."
                ---
                Intro text.

                ## Causes
                Body.

                ## References
                - Author A, Author B. A title. Journal. 2012;5(3):3-15. doi: 10.1234/abcd. PMID: 12345678
                - A guideline. https://example.org/guide
                """);

        ImportReport report = site.importer.importPaths(List.of(file), false);

        assertThat(report.problems()).isEmpty();
        Article article = site.articleWriter.bySlug("plantar-fasciitis").orElseThrow();
        assertThat(article.title()).isEqualTo("Plantar Fasciitis: Causes and Treatment");
        assertThat(article.summary()).isEqualTo("Why the heel hurts in the morning.");
        assertThat(article.publishedAt()).hasToString("2024-02-01T00:00:00Z");
        assertThat(article.updatedAt()).hasToString("2024-06-10T08:30:00Z");
        assertThat(article.reviewedBy()).isEqualTo("Dr John Roe");
        assertThat(article.reviewedOn()).hasToString("2024-06-01");
        assertThat(article.disclosure()).isEqualTo("No conflicts.");
        assertThat(article.imageId()).isNotNull();
        assertThat(site.authors.byId(article.authorId()).orElseThrow().name()).isEqualTo("Jane Doe");
        assertThat(site.taxonomy.categoriesOf(article.id())).extracting(c -> c.name()).containsExactly("Lower Limb", "Pain");
        assertThat(site.taxonomy.tagsOf(article.id())).extracting(t -> t.slug()).containsExactly("heel-pain");
        assertThat(article.references()).hasSize(2);
        assertThat(article.references().get(0).doi()).isEqualTo("10.1234/abcd");
        assertThat(article.references().get(0).pmid()).isEqualTo("12345678");
        assertThat(article.references().get(1).url()).isEqualTo("https://example.org/guide");
        assertThat(article.bodyHtml()).contains("id=\"causes\"").doesNotContain("References");
    }

    @Test
    void reimportingSlugUpdatesArticleAndKeepsOldTextAsRevision() {
        Path file = write(files, "a.md", article("back-pain", "Back Pain", "First text."));
        site.importer.importPaths(List.of(file), false);
        write(files, "a.md", article("back-pain", "Back Pain", "Second text."));

        ImportReport report = site.importer.importPaths(List.of(file), false);

        assertThat(report.imported()).singleElement().asString().contains("updated");
        Article article = site.articleWriter.bySlug("back-pain").orElseThrow();
        assertThat(article.bodyMarkdown()).contains("Second text.");
        assertThat(site.articleWriter.revisions(article.id())).singleElement()
                .satisfies(r -> assertThat(r.bodyMarkdown()).contains("First text."));
        assertThat(count("articles")).isEqualTo(1);
    }

    @Test
    void reimportingUnchangedFileKeepsNoExtraRevision() {
        Path file = write(files, "a.md", article("back-pain", "Back Pain", "Same text."));
        site.importer.importPaths(List.of(file), false);

        ImportReport report = site.importer.importPaths(List.of(file), false);

        assertThat(report.imported()).singleElement().asString().contains("unchanged");
        assertThat(count("article_revisions")).isZero();
    }

    @Test
    void copiesLocalImagesIntoMediaLibraryAndRewritesLinks() throws IOException {
        png(files, "pics/knee.png");
        Path file = write(files, "knee.md", article("knee", "Knee", "See ![A knee](pics/knee.png) here."));

        site.importer.importPaths(List.of(file), false);

        Article article = site.articleWriter.bySlug("knee").orElseThrow();
        assertThat(article.bodyMarkdown()).contains("](/media/").doesNotContain("pics/knee.png");
        String src = org.jsoup.Jsoup.parse(article.bodyHtml()).selectFirst("img").attr("src");
        assertThat(src).startsWith("/media/");
        assertThat(site.media.file(src.substring("/media/".length()))).isPresent();
        assertThat(org.jsoup.Jsoup.parse(article.bodyHtml()).selectFirst("img").attr("width")).isEqualTo("1");
    }

    @Test
    void importsEveryMarkdownFileInFolders() {
        write(files, "one.md", article("one", "One", "Text."));
        write(files, "sub/two.md", article("two", "Two", "Text."));
        write(files, "notes.txt", "not markdown");

        ImportReport report = site.importer.importPaths(List.of(files), false);

        assertThat(report.problems()).isEmpty();
        assertThat(report.imported()).hasSize(2);
    }

    @Test
    void reportsFileWithoutTitleAtItsLineAndWritesNothingOfIt() {
        Path bad = write(files, "bad.md", "---\nslug: no-title\nauthor: New Person\n---\nBody\n");
        Path good = write(files, "good.md", article("good", "Good", "Text."));

        ImportReport report = site.importer.importPaths(List.of(bad, good), false);

        assertThat(report.problems()).singleElement().asString()
                .startsWith(bad + ":2: ").contains("missing title");
        assertThat(site.articleWriter.bySlug("good")).isPresent();
        assertThat(site.authors.bySlug("new-person")).isEmpty();
    }

    @Test
    void reportsBrokenFrontMatterWithLine() {
        Path bad = write(files, "bad.md", "---\ntitle: \"Broken\nslug: broken\n---\nBody\n");

        ImportReport report = site.importer.importPaths(List.of(bad), false);

        assertThat(report.problems()).singleElement().asString().startsWith(bad + ":").contains("front matter");
        assertThat(count("articles")).isZero();
    }

    @Test
    void reportsUnparsableDateWithItsLine() {
        Path bad = write(files, "bad.md", "---\ntitle: Dated\npublished: 2024-02-31\n---\nBody\n");

        ImportReport report = site.importer.importPaths(List.of(bad), false);

        assertThat(report.problems()).singleElement().asString().startsWith(bad + ":3: ").contains("not a date");
    }

    @Test
    void reportsAuthorOfWrongTypeWithItsLine() {
        Path bad = write(files, "bad.md", "---\ntitle: Two authors\nauthor: [Jane Doe, John Roe]\n---\nBody\n");

        ImportReport report = site.importer.importPaths(List.of(bad), false);

        assertThat(report.problems()).singleElement().asString().startsWith(bad + ":3: ").contains("author");
        assertThat(count("authors")).isZero();
    }

    @Test
    void reportsSlugUsedTwiceInOneRunAndKeepsTheFirst() {
        Path first = write(files, "a.md", article("same", "First", "One."));
        Path second = write(files, "b.md", article("same", "Second", "Two."));

        ImportReport report = site.importer.importPaths(List.of(first, second), false);

        assertThat(report.problems()).singleElement().asString().startsWith(second + ":3: ").contains("already used");
        assertThat(site.articleWriter.bySlug("same").orElseThrow().title()).isEqualTo("First");
    }

    @Test
    void missingImageFailsWholeFileIncludingImagesAlreadyCopied() throws IOException {
        png(files, "present.png");
        Path bad = write(files, "bad.md", article("pics", "Pics", "![a](present.png)\n\n![b](missing.png)"));

        ImportReport report = site.importer.importPaths(List.of(bad), false);

        assertThat(report.problems()).singleElement().asString().contains("missing.png");
        assertThat(count("articles")).isZero();
        assertThat(count("media")).isZero();
        assertThat(count("categories")).isZero();
        if (site.settings.mediaInDatabase()) {
            assertThat(count("media_files")).isZero();
        } else if (Files.exists(site.settings.mediaDir())) {
            try (Stream<Path> stored = Files.walk(site.settings.mediaDir())) {
                assertThat(stored.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void renamingThroughRedirectFromKeepsOldAddressAsRedirect() {
        Path file = write(files, "a.md", article("old-name", "Name", "Text."));
        site.importer.importPaths(List.of(file), false);
        write(files, "a.md", article("new-name", "Name", "Text.").replace("slug: new-name", "slug: new-name\nredirect_from: [old-name]"));

        site.importer.importPaths(List.of(file), false);

        assertThat(site.articleWriter.bySlug("old-name")).isEmpty();
        assertThat(site.articles.renamedTo("old-name")).contains("new-name");
        assertThat(count("articles")).isEqualTo(1);
    }

    @Test
    void demoSiteLoadsWithoutProblems() {
        ImportReport report = site.initialize(true);

        assertThat(report.problems()).isEmpty();
        assertThat(count("articles")).isGreaterThanOrEqualTo(17);
        assertThat(site.taxonomy.menu("categories")).extracting(m -> m.label()).containsExactly(
                "General Ortho", "Procedures", "Spine", "Upper Limb", "Lower Limb", "Pain", "Trauma", "Tumors", "Wellness");
    }

    private long count(String table) {
        return site.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
