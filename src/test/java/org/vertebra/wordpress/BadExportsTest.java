package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.Site;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.wordpress.WordPressReport.Outcome;

/** Damaged exports and missing files: each reported with where and why, and nothing else lost. */
class BadExportsTest {

    @TempDir
    Path temp;

    private TestSite testSite;
    private Site site;
    private String export;

    @BeforeEach
    void openSite() throws IOException {
        testSite = TestSite.open(TestDatabase.SQLITE, temp, Clock.systemUTC());
        site = testSite.site();
        site.initialize(false);
        export = Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void closeSite() {
        testSite.close();
    }

    private WordPressReport importText(String text, Path uploads) throws IOException {
        Path file = temp.resolve("export.xml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return site.wordpress.importFile(file, uploads, false, WordPressImporter.Progress.none());
    }

    @Test
    void truncatedExportIsReportedWithLineAndColumnAndWhatCameBeforeIsKept() throws IOException {
        int cut = export.indexOf("Sciatica is pain along");
        WordPressReport report = importText(export.substring(0, cut), WordPressFixture.uploads());
        assertThat(report.hasFailures()).isTrue();
        assertThat(report.failures().get(0)).matches("(?s).*export\\.xml:\\d+:\\d+: not well-formed XML.*");
        // WordPress lists items in no fixed order; the low back post comes before the cut, the hip myths post after it.
        assertThat(export.indexOf("low-back-pain-demo]]></wp:post_name>")).isLessThan(cut);
        assertThat(export.indexOf("hip-myths-demo]]></wp:post_name>")).isGreaterThan(cut);
        assertThat(site.articleWriter.bySlug("low-back-pain-demo")).isPresent();
        assertThat(site.articleWriter.bySlug("sciatica-explained-demo")).isEmpty();
        assertThat(site.articleWriter.bySlug("hip-myths-demo")).isEmpty();
    }

    @Test
    void documentThatIsNotAnExportIsRefusedWithWhatItIs() throws IOException {
        WordPressReport report = importText("<?xml version=\"1.0\"?>\n<html><body>Not an export</body></html>\n", null);
        assertThat(report.failures()).singleElement().asString()
                .contains("export.xml:2:").contains("not a WordPress export: the document is <html>");
        WordPressReport feed = importText("<rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>", null);
        assertThat(feed.failures()).singleElement().asString().contains("without <wp:wxr_version>");
        assertThat(site.articleWriter.bySlug("x")).isEmpty();
    }

    @Test
    void writerWhoseEmailCannotSignInGetsAStandInAddressAndKeepsTheirPosts() throws IOException {
        WordPressReport report = importText(export.replace("dr.demo@clinic.example", "drdemo@localhost"), WordPressFixture.uploads());
        assertThat(report.failures()).isEmpty();
        assertThat(report.warnings()).anyMatch(w -> w.contains("drdemo@localhost") && w.contains("drdemo@wordpress-import.invalid"));
        assertThat(site.accounts.users()).extracting(u -> u.email()).contains("drdemo@wordpress-import.invalid");
        assertThat(site.articleWriter.bySlug("low-back-pain-demo").orElseThrow().authorId()).isNotNull();
    }

    @Test
    void attachmentWhoseFileIsMissingIsReportedAndItsPostStillImports() throws IOException {
        Path uploads = temp.resolve("uploads");
        try (Stream<Path> files = Files.walk(WordPressFixture.uploads())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = uploads.resolve(WordPressFixture.uploads().relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(uploads.resolve("2024/05/knee-diagram.png"));
        WordPressReport report = importText(export, uploads);
        assertThat(report.failures()).singleElement().asString()
                .contains("attachment 8 \"knee-diagram\"").contains("its file 2024/05/knee-diagram.png is not in");
        assertThat(report.count("attachment", Outcome.CREATED)).isEqualTo(6);
        assertThat(site.articleWriter.bySlug("knee-exercises-demo").orElseThrow().bodyMarkdown())
                .contains("[Diagram of a knee joint with the cartilage shaded](http://127.0.0.1:47123/wp-content/uploads/2024/05/knee-diagram.png)")
                .doesNotContain("![Diagram");
    }
}
