package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * WordPress keeps a slug in another script percent-encoded in its export ({@code post_name}
 * "%e0%a4%95..."): the article gets the letters themselves as its slug, and its old addresses, as a
 * browser asks for them (upper-case hex), lead to the new one.
 */
class EncodedPostNamesTest {

    /** "कमर-दर्द" as WordPress writes it. */
    private static final String POST_NAME = "%e0%a4%95%e0%a4%ae%e0%a4%b0-%e0%a4%a6%e0%a4%b0%e0%a5%8d%e0%a4%a6";

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPercentEncodedPostNameBecomesTheSlugInItsOwnLettersAndItsOldAddressesLeadThere(TestDatabase kind) throws IOException {
        try (TestSite test = TestSite.open(kind, temp, Clock.systemUTC())) {
            Site site = test.site();
            site.initialize(false);
            String export = Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8).replace("low-back-pain-demo", POST_NAME);
            Path file = temp.resolve("export.xml");
            Files.writeString(file, export, StandardCharsets.UTF_8);

            WordPressReport report = site.wordpress.importFile(file, WordPressFixture.uploads(), false, WordPressImporter.Progress.none());

            assertThat(report.hasFailures()).as(String.join("\n", report.failures())).isFalse();
            Article article = site.articleWriter.bySlug("कमर-दर्द").orElseThrow();
            assertThat(article.title()).isEqualTo("Low Back Pain: A Demo Overview");
            String address = POST_NAME.toUpperCase(java.util.Locale.ROOT);
            String now = "/" + address + "/";
            assertThat(article.url()).isEqualTo(now);
            assertThat(site.legacyUrls.forPath("/2023/03/14/" + address + "/")).contains(now);
            assertThat(site.legacyUrls.forPath("/2023/03/14/" + POST_NAME + "/")).as("as the export wrote it").contains(now);
            assertThat(site.legacyUrls.forRootQuery(name -> name.equals("p") ? "4" : null)).contains(now);
        }
    }
}
