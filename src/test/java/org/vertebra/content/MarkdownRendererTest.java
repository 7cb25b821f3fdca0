package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private RenderedBody render(String markdown) {
        return renderer.render(markdown, ImageSize.Lookup.none());
    }

    private static Document html(RenderedBody body) {
        return Jsoup.parseBodyFragment(body.html());
    }

    private static List<TocEntry> flatten(List<TocEntry> toc) {
        List<TocEntry> all = new ArrayList<>();
        for (TocEntry entry : toc) {
            all.add(entry);
            all.addAll(entry.children());
        }
        return all;
    }

    // --- table of contents ---

    private static final String ARTICLE = """
            # Plantar fasciitis

            Intro.

            ## Causes

            ### Overuse

            ### Footwear

            #### Heel height

            ## Treatment

            ### Stretching
            """;

    @Test
    void nestsH3HeadingsUnderTheH2BeforeThem() {
        List<TocEntry> toc = render(ARTICLE).toc();

        assertThat(toc).extracting(TocEntry::text).containsExactly("Causes", "Treatment");
        assertThat(toc.get(0).children()).extracting(TocEntry::text).containsExactly("Overuse", "Footwear");
        assertThat(toc.get(1).children()).extracting(TocEntry::text).containsExactly("Stretching");
        assertThat(toc.get(0).children().get(0).children()).isEmpty();
    }

    @Test
    void givesHeadingsIdsMadeFromTheirWords() {
        assertThat(flatten(render(ARTICLE).toc())).extracting(TocEntry::id)
                .containsExactly("causes", "overuse", "footwear", "treatment", "stretching");
    }

    @Test
    void everyTocIdNamesItsHeadingInTheHtml() {
        RenderedBody body = render(ARTICLE);
        Document doc = html(body);

        for (TocEntry entry : flatten(body.toc())) {
            Element heading = doc.getElementById(entry.id());
            assertThat(heading).as("element with id '%s'", entry.id()).isNotNull();
            assertThat(heading.tagName()).isIn("h2", "h3");
            assertThat(heading.text()).isEqualTo(entry.text());
        }
    }

    @Test
    void givesDuplicateHeadingsDistinctIds() {
        RenderedBody body = render("## Exercises\n\n### Week 1\n\n## Exercises\n\n### Week 1\n");
        Document doc = html(body);

        List<String> ids = flatten(body.toc()).stream().map(TocEntry::id).toList();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(doc.getElementById(id)).as("element with id '%s'", id).isNotNull());
    }

    @Test
    void showsTheWordsOfALinkedHeadingNotItsAddress() {
        RenderedBody body = render("## Guidance from [NICE](https://www.nice.org.uk)\n");

        assertThat(body.toc()).extracting(TocEntry::text).containsExactly("Guidance from NICE");
        assertThat(body.toc()).extracting(TocEntry::id).containsExactly("guidance-from-nice");
    }

    // --- references ---

    private static final String WITH_REFERENCES = """
            Heel pain is common.

            ## Treatment

            Rest and stretch.

            ## References

            1. Smith J. *Heel pain in runners*. Foot. 2020;12:34. doi: 10.1234/abcd.
            2. Jones K. Plantar fasciitis. BMJ. 2019. PMID: 12345678
            3. NICE. [Plantar fasciitis guidance](https://www.nice.org.uk/guidance/cks).
            """;

    @Test
    void takesTheReferencesSectionOutOfTheHtml() {
        RenderedBody body = render(WITH_REFERENCES);
        Document doc = html(body);

        assertThat(doc.select("h2").eachText()).containsExactly("Treatment");
        assertThat(doc.select("ol, ul")).isEmpty();
        assertThat(body.html()).doesNotContain("Smith");
        assertThat(body.toc()).extracting(TocEntry::text).containsExactly("Treatment");
    }

    @Test
    void turnsEachReferenceListItemIntoAReference() {
        List<Reference> references = render(WITH_REFERENCES).references();

        assertThat(references).hasSize(3);
        assertThat(references.get(0).doi()).isEqualTo("10.1234/abcd");
        assertThat(references.get(1).pmid()).isEqualTo("12345678");
        assertThat(references.get(2).url()).isEqualTo("https://www.nice.org.uk/guidance/cks");
    }

    @Test
    void keepsTheWordsOfEachReference() {
        List<Reference> references = render(WITH_REFERENCES).references();

        assertThat(references.get(0).text()).isEqualTo("Smith J. Heel pain in runners. Foot. 2020;12:34. doi: 10.1234/abcd.");
        assertThat(references.get(1).text()).isEqualTo("Jones K. Plantar fasciitis. BMJ. 2019. PMID: 12345678");
        assertThat(references.get(2).text()).startsWith("NICE.").contains("Plantar fasciitis guidance");
    }

    @Test
    void pubMedLinkLabelsAreNeitherPartOfTheDoiNorTheReferencesAddress() {
        RenderedBody body = render("""
                Text.

                ## References

                - Wu X. J Tradit Chin Med. 2013. doi: 10.1016/S0254-6272(13)60066-7.[PubMed](https://pubmed.ncbi.nlm.nih.gov/24063386/) [Google Scholar](https://scholar.google.com/scholar?q=wu)
                - Polack FP. N Engl J Med. 2020. doi: 10.1056/NEJMoa2034577.\u00a0\\[[PMC free article](https://www.ncbi.nlm.nih.gov/pmc/articles/PMC7745181/)\\] \\[[PubMed](https://pubmed.ncbi.nlm.nih.gov/33301246/)\\]
                - NICE. [Low back pain](https://www.nice.org.uk/guidance/ng59). [Google Scholar](https://scholar.google.com/)
                """);

        assertThat(body.references()).extracting(Reference::doiUrl).containsExactly(
                "https://doi.org/10.1016/S0254-6272(13)60066-7", "https://doi.org/10.1056/NEJMoa2034577", null);
        assertThat(body.references()).extracting(Reference::url).containsExactly(null, null, "https://www.nice.org.uk/guidance/ng59");
        assertThat(body.references().get(0).text()).endsWith("60066-7. PubMed Google Scholar");
        assertThat(body.references().get(1).text()).endsWith("NEJMoa2034577.\u00a0[PMC free article] [PubMed]");
    }

    @Test
    void aDoiLinkLabelledDoiStillNamesTheDoi() {
        RenderedBody body = render("Text.\n\n## References\n\n- Smith J. Heel pain. [DOI](https://doi.org/10.1234/heel) [PubMed](https://pubmed.ncbi.nlm.nih.gov/1/)\n");

        assertThat(body.references()).extracting(Reference::doiUrl).containsExactly("https://doi.org/10.1234/heel");
    }

    @Test
    void acceptsASourcesHeadingWithAColon() {
        RenderedBody body = render("Text.\n\n## Sources:\n\n- Smith J. Heel pain. doi: 10.1234/heel\n");

        assertThat(body.references()).extracting(Reference::doi).containsExactly("10.1234/heel");
        assertThat(html(body).select("h2")).isEmpty();
    }

    @Test
    void keepsTheSectionsAfterTheReferencesInTheBody() {
        RenderedBody body = render("Text.\n\n## References\n\n- Smith J. doi: 10.1234/heel\n\n## About the author\n\nJane.\n");

        assertThat(body.references()).hasSize(1);
        assertThat(html(body).select("h2").eachText()).containsExactly("About the author");
        assertThat(body.html()).contains("Jane.").doesNotContain("Smith");
    }

    @Test
    void keepsASourcesSectionOfProseInTheBody() {
        RenderedBody body = render("Text.\n\n## Sources\n\nThis article draws on ten years of clinical practice.\n");

        assertThat(body.references()).isEmpty();
        assertThat(html(body).select("h2").eachText()).containsExactly("Sources");
        assertThat(body.html()).contains("ten years of clinical practice");
    }

    @Test
    void findsNoReferencesWithoutAReferencesSection() {
        RenderedBody body = render("Text.\n\n- a list\n- that is not references\n");

        assertThat(body.references()).isEmpty();
        assertThat(html(body).select("li")).hasSize(2);
    }

    // --- safety ---

    @Test
    void removesScriptsAndEventHandlersFromRawHtml() {
        RenderedBody body = render("""
                Some **bold** and *emphasis* and <mark>marked</mark> text.

                <script>alert('stolen')</script>

                <p onclick="steal()" style="color:red">Click me</p>

                <a href="javascript:alert(1)">bad link</a> and <img src="x.png" onerror="steal()">
                """);
        Document doc = html(body);

        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("[onclick], [onerror], [style]")).isEmpty();
        assertThat(body.html()).doesNotContain("alert").doesNotContain("javascript:");
        assertThat(doc.select("strong").text()).isEqualTo("bold");
        assertThat(doc.select("em").text()).isEqualTo("emphasis");
        assertThat(doc.select("mark").text()).isEqualTo("marked");
        assertThat(doc.text()).contains("Click me").contains("bad link");
    }

    @Test
    void keepsRelativeAndInPageLinks() {
        Document doc = html(render("See [treatment](#treatment), [the shop](/shop/) and [NICE](https://www.nice.org.uk).\n"));

        assertThat(doc.select("a").eachAttr("href")).containsExactly("#treatment", "/shop/", "https://www.nice.org.uk");
    }

    @Test
    void rendersGfmTables() {
        Document doc = html(render("| Muscle | Action |\n|---|---|\n| Soleus | Plantar flexion |\n"));

        assertThat(doc.select("table")).hasSize(1);
        assertThat(doc.select("table th").eachText()).containsExactly("Muscle", "Action");
        assertThat(doc.select("table td").eachText()).containsExactly("Soleus", "Plantar flexion");
    }

    // --- images ---

    @Test
    void givesAnImageItsSizeAndLazyLoading() {
        ImageSize.Lookup sizes = url -> url.equals("/media/heel.jpg") ? Optional.of(new ImageSize(800, 600)) : Optional.empty();
        Element img = Jsoup.parseBodyFragment(renderer.render("![The heel](/media/heel.jpg)\n", sizes).html())
                .selectFirst("img");

        assertThat(img).isNotNull();
        assertThat(img.attr("src")).isEqualTo("/media/heel.jpg");
        assertThat(img.attr("alt")).isEqualTo("The heel");
        assertThat(img.attr("width")).isEqualTo("800");
        assertThat(img.attr("height")).isEqualTo("600");
        assertThat(img.attr("loading")).isEqualTo("lazy");
    }

    @Test
    void leavesOutTheSizeOfAnImageItDoesNotKnow() {
        Element img = html(render("![Knee](https://example.org/knee.png)\n")).selectFirst("img");

        assertThat(img).isNotNull();
        assertThat(img.hasAttr("width")).isFalse();
        assertThat(img.hasAttr("height")).isFalse();
        assertThat(img.attr("loading")).isEqualTo("lazy");
    }

    // --- plain text ---

    @Test
    void plainTextHoldsTheWordsWithoutMarkdown() {
        String text = render("# Heel pain\n\nSome **bold** and *emphasis* with `code`.\n\n- first item\n").plainText();

        assertThat(text).contains("Heel pain").contains("Some bold and emphasis with").contains("code")
                .contains("first item");
        assertThat(text).doesNotContain("**").doesNotContain("#").doesNotContain("`");
    }

    @Test
    void plainTextOfListsHasTheItemsWordsWithoutTheirMarkers() {
        String text = render("Warning signs:\n\n- numbness\n- weakness in the legs\n\nSteps:\n\n1. rest\n2. ice\n\n* loose\n\n* list\n")
                .plainText();

        assertThat(text.lines().map(String::strip)).contains("numbness", "weakness in the legs", "rest", "ice", "loose", "list");
        assertThat(text).doesNotContain("- ").doesNotContain("1.").doesNotContain("* ");
    }

    @Test
    void plainTextKeepsLineBreaksForTheEndsOfBlocksNotForLinesWrappedInTheMarkdown() {
        String text = render("## When to see a doctor\n\nSee your GP if the pain\nlasts more than six weeks, or talk to your\n"
                + "GP sooner.\n\n- numbness\n- weakness\n").plainText();

        assertThat(text.lines()).containsExactly("When to see a doctor",
                "See your GP if the pain lasts more than six weeks, or talk to your GP sooner.", "numbness", "weakness");
    }

    @Test
    void plainTextLeavesOutRawHtml() {
        String text = render("Intro with <em>raw</em> emphasis.\n\n<script>alert('stolen')</script>\n").plainText();

        assertThat(text).contains("Intro with").contains("raw").contains("emphasis.");
        assertThat(text).doesNotContain("<").doesNotContain("alert");
    }

    @Test
    void plainTextKeepsTheWordsOfALinkNotItsAddress() {
        String text = render("Read [the guide](https://example.org/guide) first.\n").plainText();

        assertThat(text).isEqualTo("Read the guide first.");
    }

    @Test
    void plainTextLeavesOutImagesSoExcerptsDoNotQuoteTheirDescriptions() {
        String text = render("A look inside.\n\n<figure class=\"gallery gallery-columns-2\">\n\n<figure>\n\n"
                + "![Chairs in a bright waiting room](/media/2024/07/waiting-room.jpg)\n\n<figcaption>The waiting room.</figcaption>\n"
                + "</figure>\n\n</figure>\n\nMore text.\n").plainText();

        assertThat(text).contains("A look inside.").contains("The waiting room.").contains("More text.")
                .doesNotContain("Chairs in a bright").doesNotContain("\"");
    }

    @Test
    void aPubMedLabelLinkGivesTheReferenceItsPmid() {
        var references = render("Text.\n\n## References\n\n1. Demo F. A demo cohort. Demo Bone J. 2013;33(4):1-9."
                + " doi: 10.1016/S0254-6272(13)60066-7.\u00a0[[PubMed](https://pubmed.ncbi.nlm.nih.gov/24660591/)]"
                + " [[Google Scholar](https://scholar.example/)]\n").references();

        assertThat(references).singleElement().satisfies(r -> {
            assertThat(r.doi()).isEqualTo("10.1016/S0254-6272(13)60066-7");
            assertThat(r.pmid()).isEqualTo("24660591");
            assertThat(r.url()).isNull();
        });
    }

    @Test
    void plainTextLeavesOutTheReferences() {
        String text = render(WITH_REFERENCES).plainText();

        assertThat(text).contains("Heel pain is common.").contains("Rest and stretch.");
        assertThat(text).doesNotContain("Smith").doesNotContain("References");
    }
}
