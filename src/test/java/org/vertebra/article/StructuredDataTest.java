package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** What search engines and social networks read from an article page, checked field by field. */
class StructuredDataTest {

    static final String ARTICLE = "/sciatica-and-disc-herniation/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() throws java.io.IOException {
        server = TestServer.withDemo(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-ld"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void articleCarriesMedicalWebPageWithAuthorDatesReviewSubjectsAndCitations() throws Exception {
        Article article = server.site().articleWriter.bySlug("sciatica-and-disc-herniation").orElseThrow();
        JsonNode page = graphNode(server.page(ARTICLE), "MedicalWebPage");

        assertThat(page.path("headline").asText()).isEqualTo(article.title());
        assertThat(page.path("description").asText()).isEqualTo(article.summary());
        assertThat(page.path("url").asText()).isEqualTo("http://vertebra.test" + ARTICLE);
        assertThat(page.path("author").path("@type").asText()).isEqualTo("Person");
        assertThat(page.path("author").path("name").asText()).isEqualTo("Dr Daniel Okafor");
        assertThat(page.path("author").path("url").asText()).isEqualTo("http://vertebra.test/author/daniel-okafor/");
        assertThat(page.path("datePublished").asText()).isEqualTo(article.publishedAt().toString());
        assertThat(page.path("dateModified").asText()).isNotBlank();
        assertThat(page.path("lastReviewed").asText()).isEqualTo(article.reviewedOn().toString());
        assertThat(page.path("reviewedBy").path("name").asText()).isEqualTo(article.reviewedBy());
        assertThat(names(page.path("about"))).containsExactly("Spine", "Pain");
        assertThat(page.path("citation")).hasSize(article.references().size());
        for (int i = 0; i < article.references().size(); i++) {
            var reference = article.references().get(i);
            JsonNode citation = page.path("citation").get(i);
            assertThat(citation.path("name").asText()).isEqualTo(reference.text());
            if (reference.doi() != null) {
                assertThat(citation.path("url").asText()).isEqualTo("https://doi.org/" + reference.doi());
                assertThat(citation.path("identifier").findValuesAsText("value")).contains(reference.doi());
            }
            if (reference.pmid() != null) {
                assertThat(citation.path("identifier").findValuesAsText("value")).contains(reference.pmid());
            }
        }
    }

    @Test
    void articleCarriesBreadcrumbsFromHomeThroughItsCategory() throws Exception {
        JsonNode breadcrumbs = graphNode(server.page(ARTICLE), "BreadcrumbList");

        JsonNode items = breadcrumbs.path("itemListElement");
        assertThat(names(items)).containsExactly("Home", "Spine", "Sciatica and Slipped Discs: What Is Going On and What Helps");
        assertThat(items.get(0).path("item").asText()).isEqualTo("http://vertebra.test/");
        assertThat(items.get(1).path("item").asText()).isEqualTo("http://vertebra.test/category/spine/");
        assertThat(items.get(2).path("position").asInt()).isEqualTo(3);
    }

    @Test
    void articleCarriesCanonicalDescriptionOpenGraphAndTwitterCard() {
        Document page = server.page(ARTICLE);

        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://vertebra.test" + ARTICLE);
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.selectFirst("meta[property=og:title]").attr("content")).startsWith("Sciatica");
        assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo("http://vertebra.test" + ARTICLE);
        assertThat(page.selectFirst("meta[property=og:image]").attr("content")).startsWith("http://vertebra.test/media/");
        assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.selectFirst("meta[property=article:published_time]").attr("content")).isNotBlank();
    }

    @Test
    void homePageIsAWebsiteWithoutArticleData() {
        Document home = server.page("/");
        assertThat(home.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("website");
        assertThat(home.select("script[type=application/ld+json]")).isEmpty();
    }

    private static JsonNode graphNode(Document page, String type) throws Exception {
        assertThat(page.select("script[type=application/ld+json]")).hasSize(1);
        JsonNode root = JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(root.path("@context").asText()).isEqualTo("https://schema.org");
        for (JsonNode node : root.path("@graph")) {
            if (node.path("@type").asText().equals(type)) {
                return node;
            }
        }
        throw new AssertionError("no " + type + " in " + root);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }
}
