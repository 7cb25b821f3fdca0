package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.NuHtmlChecker;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.wordpress.WordPressImporter;

/**
 * Pages as a real site serves them pass the W3C Nu HTML checker, with reference lists written
 * the way WordPress sites write them (copied from PubMed, "&amp;nbsp;[PubMed]" and all), from a
 * WordPress export and from Markdown.
 */
class ValidHtmlTest {

    /** Every DOI the reference lists below hold, in order, as the page must link it. */
    private static final List<String> DOI_HREFS = List.of(
            "https://doi.org/10.1016/S0254-6272(13)60066-7",
            "https://doi.org/10.1016/S0254-6272(13)60066-7",
            "https://doi.org/10.7326/0003-4819-155-1-201107050-00002",
            "https://doi.org/10.1056/NEJMoa2034577",
            "https://doi.org/10.1056/NEJMoa2034577",
            "https://doi.org/10.1016/S0140-6736(20)30183-5");

    private static final String WORDPRESS_REFERENCES = """
            <ol>
             <li>Wu X. Acupuncture for pain. J Tradit Chin Med. 2013;33(4):1-5. doi: 10.1016/S0254-6272(13)60066-7. [PubMed]</li>
             <li>Wu X. Acupuncture for pain. J Tradit Chin Med. 2013;33(4):1-5. doi: 10.1016/S0254-6272(13)60066-7.&nbsp;[<a href="https://pubmed.ncbi.nlm.nih.gov/24063386/">PubMed</a>]</li>
             <li>Demo D. Exercise for back pain. Ann Intern Med. 2011;155(1):1-9. doi: 10.7326/0003-4819-155-1-201107050-00002.&nbsp; [<a href="https://pubmed.ncbi.nlm.nih.gov/21727288/">PubMed</a>]</li>
             <li>Polack FP. Safety of a vaccine. N Engl J Med. 2020;383:2603-15 (doi:10.1056/NEJMoa2034577)</li>
             <li>Polack FP. Safety of a vaccine. N Engl J Med. https://doi.org/10.1056/NEJMoa2034577, accessed 2020</li>
             <li>Huang C. Clinical features. Lancet. 2020;395:497-506. doi: 10.1016/S0140-6736(20)30183-5.&nbsp;[<a href="https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7159299/">PMC free article</a>]&nbsp;[<a href="https://pubmed.ncbi.nlm.nih.gov/31986264/">PubMed</a>]&nbsp;[<a href="https://scholar.google.com/scholar_lookup?journal=Lancet&amp;year=2020">Google Scholar</a>]</li>
             <li>Demo E. Heat for back pain. Demo Rev. 2011;4:1-9. PMID: 12345678[PubMed]</li>
             <li>NICE. Low back pain and sciatica. https://www.nice.org.uk/guidance/ng59&nbsp;[Google Scholar]</li>
            </ol>""";

    private static final String MARKDOWN_REFERENCES = """
            ## References

            1. Wu X. Acupuncture for pain. J Tradit Chin Med. 2013;33(4):1-5. doi: 10.1016/S0254-6272(13)60066-7. [PubMed]
            2. Wu X. Acupuncture for pain. J Tradit Chin Med. 2013;33(4):1-5. doi: 10.1016/S0254-6272(13)60066-7.\u00a0[PubMed](https://pubmed.ncbi.nlm.nih.gov/24063386/)
            3. Demo D. Exercise for back pain. Ann Intern Med. 2011;155(1):1-9. doi: 10.7326/0003-4819-155-1-201107050-00002.  [PubMed]
            4. Polack FP. Safety of a vaccine. N Engl J Med. 2020;383:2603-15 (doi:10.1056/NEJMoa2034577)
            5. Polack FP. Safety of a vaccine. N Engl J Med. https://doi.org/10.1056/NEJMoa2034577, accessed 2020
            6. Huang C. Clinical features. Lancet. 2020;395:497-506. doi: 10.1016/S0140-6736(20)30183-5.[PMC free article](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7159299/)\u2009[PubMed](https://pubmed.ncbi.nlm.nih.gov/31986264/) [Google Scholar](https://scholar.google.com/scholar_lookup?journal=Lancet)
            7. Demo E. Heat for back pain. Demo Rev. 2011;4:1-9. PMID: 12345678[PubMed]
            8. NICE. Low back pain and sciatica. https://www.nice.org.uk/guidance/ng59\u00a0[Google Scholar]
            """;

    @TempDir
    Path temp;

    @Test
    void articlesWithReferencesCopiedFromPubMedAndTheHomePageHaveNoErrors() throws Exception {
        try (TestServer server = TestServer.empty(TestDatabase.SQLITE, temp, Clock.systemUTC())) {
            importWordPressPostWithReferences(server);
            Path markdown = MarkdownFiles.write(temp, "in/references.md", MarkdownFiles.article("pubmed-references",
                    "References as PubMed writes them", "Text with references.\n\n" + MARKDOWN_REFERENCES));
            assertThat(server.site().importer.importPaths(List.of(markdown), false).problems()).isEmpty();
            server.server().refreshCache();

            for (String article : List.of("/low-back-pain-demo/", "/pubmed-references/")) {
                Document page = server.page(article);
                assertThat(page.select(".references a[href^=https://doi.org/]").eachAttr("href")).as(article)
                        .containsExactlyElementsOf(DOI_HREFS);
                assertThat(page.select(".references a").eachAttr("href")).as(article)
                        .contains("https://pubmed.ncbi.nlm.nih.gov/12345678/", "https://www.nice.org.uk/guidance/ng59")
                        .allSatisfy(href -> assertThat(href).doesNotContain("[", "]", " ", "\u00a0", "PubMed", "Scholar"));
            }
            List<String> errors = NuHtmlChecker.errors(saved(server, "/", "/low-back-pain-demo/", "/pubmed-references/"));
            assertThat(errors).as("the W3C Nu checker's errors:\n" + String.join("\n", errors)).isEmpty();
        }
    }

    /** The real WordPress export of the import tests, its back pain post's reference list replaced. */
    private void importWordPressPostWithReferences(TestServer server) throws Exception {
        Path fixture = Path.of(ValidHtmlTest.class.getResource("/wordpress/export.xml").toURI());
        String export = Files.readString(fixture, StandardCharsets.UTF_8);
        String list = export.substring(export.indexOf("<h2>References</h2>\n<ol>") + "<h2>References</h2>\n".length(),
                export.indexOf("</ol>]]></content:encoded>") + "</ol>".length());
        Path changed = Files.writeString(temp.resolve("export.xml"), export.replace(list, WORDPRESS_REFERENCES));
        assertThat(server.site().wordpress.importFile(changed, fixture.resolveSibling("uploads"), false,
                WordPressImporter.Progress.none()).failures()).isEmpty();
    }

    private List<Path> saved(TestServer server, String... paths) throws java.io.IOException {
        List<Path> files = new ArrayList<>();
        for (String path : paths) {
            String name = path.equals("/") ? "home" : path.replace("/", "");
            var response = server.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            files.add(Files.writeString(temp.resolve(name + ".html"), response.body()));
        }
        return files;
    }
}
