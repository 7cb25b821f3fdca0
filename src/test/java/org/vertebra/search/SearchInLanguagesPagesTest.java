package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * Search in several languages over HTTP, on SQLite and PostgreSQL: articles imported from
 * Markdown in English, Spanish, Hindi and Arabic; {@code /search/} searches the site's language
 * (English) and {@code /es/search/} Spanish, each with its own analysis, synonyms (the Spanish ones
 * from the data folder), spelling and related articles.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SearchInLanguagesPagesTest {

    @Parameter
    TestDatabase database;

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws IOException {
        Path folder = Files.createTempDirectory("vertebra-search-languages");
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/synonyms.es.txt"), "coxofemoral, cadera\n");
        server = TestServer.empty(database, folder, Clock.systemUTC());
        Path articles = folder.resolve("articles");
        MarkdownFiles.write(articles, "hip.md", article("hip-fractures", "Hip Fractures in Older People", "",
                "A simple fall can break the hip when bones are fragile. Most hip fractures are operated on within days."));
        MarkdownFiles.write(articles, "cadera.md", article("fracturas-de-cadera", "Fracturas de cadera en personas mayores",
                "lang: es\ntranslation_of: hip-fractures\n",
                "Una caída sencilla puede romper la cadera cuando los huesos son frágiles. Las fracturas de cadera "
                        + "suelen operarse en pocos días y caminar pronto ayuda a recuperarse."));
        MarkdownFiles.write(articles, "protesis.md", article("protesis-de-cadera", "Prótesis de cadera tras una fractura",
                "lang: es\n",
                "Cuando la fractura desplaza la cabeza del fémur, el cirujano pone una prótesis de cadera y la "
                        + "rehabilitación empieza al día siguiente."));
        MarkdownFiles.write(articles, "hindi.md", article("ghutne-ka-dard", "घुटने का दर्द", "lang: hi\n",
                "उम्र के साथ घुटनों में दर्द होना आम है। रोज़ हल्का व्यायाम मदद करता है।"));
        MarkdownFiles.write(articles, "arabic.md", article("kusur-al-wirk", "كسور الورك عند كبار السن", "lang: ar\n",
                "تحدث كسور الورك غالبا بعد سقوط بسيط عندما تكون العظام هشة."));
        assertThat(server.site().importer.importPaths(List.of(articles), false).problems()).isEmpty();
        server.server().refreshCache();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private static String article(String slug, String title, String fields, String body) {
        return MarkdownFiles.article(slug, title, body)
                .replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\"\n" + fields);
    }

    private static Document search(String path, String query) {
        return server.page(path + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private static List<String> resultLinks(Document page) {
        return page.select(".search-result h2 a").eachAttr("href");
    }

    @Test
    void aSpanishQueryFindsTheSpanishArticlesByTheirStemAndTheSiteSearchDoesNot() {
        Document spanish = search("/es/search/", "fractura");
        Document site = search("/search/", "fractura");

        assertThat(resultLinks(spanish)).containsExactlyInAnyOrder("/fracturas-de-cadera/", "/protesis-de-cadera/");
        assertThat(spanish.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(spanish.selectFirst("h1").text()).isEqualTo("Resultados de la búsqueda de «fractura»");
        assertThat(spanish.selectFirst("#search-page-q").closest("form").attr("action")).isEqualTo("/es/search/");
        assertThat(resultLinks(site)).doesNotContain("/fracturas-de-cadera/", "/protesis-de-cadera/");
        assertThat(site.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(resultLinks(search("/search/", "hip fractures"))).containsExactly("/hip-fractures/");
    }

    @Test
    void hindiAndArabicArticlesAreFoundOnTheirLanguagesSearchPages() {
        Document hindi = search("/hi/search/", "दर्दों");
        Document arabic = search("/ar/search/", "الكسور");

        assertThat(resultLinks(hindi)).containsExactly("/ghutne-ka-dard/");
        assertThat(resultLinks(arabic)).containsExactly("/kusur-al-wirk/");
        assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(resultLinks(search("/search/", "الكسور"))).isEmpty();
    }

    @Test
    void aSpanishTypoIsCorrectedWithASpanishWordOnTheSpanishPage() {
        Document page = search("/es/search/", "fractrua");

        Element didYouMean = page.selectFirst(".did-you-mean a");
        assertThat(didYouMean.text()).isEqualTo("fractura");
        assertThat(didYouMean.attr("href")).isEqualTo("/es/search/?q=fractura");
        assertThat(page.selectFirst(".did-you-mean").text()).startsWith("No hay resultados exactos para «fractrua».");
        assertThat(resultLinks(page)).contains("/fracturas-de-cadera/");
    }

    @Test
    void spanishSynonymsComeFromTheDataFolder() {
        assertThat(resultLinks(search("/es/search/", "coxofemoral")))
                .containsExactlyInAnyOrder("/fracturas-de-cadera/", "/protesis-de-cadera/");
        assertThat(resultLinks(search("/search/", "coxofemoral"))).isEmpty();
    }

    @Test
    void relatedArticlesStayWithinTheArticlesLanguage() {
        List<String> spanish = server.page("/fracturas-de-cadera/").select(".related .card-title a").eachAttr("href");
        List<String> english = server.page("/hip-fractures/").select(".related .card-title a").eachAttr("href");

        assertThat(spanish).containsExactly("/protesis-de-cadera/");
        // Every article here shares its tags and categories, so only the language keeps the Spanish ones out.
        assertThat(english).doesNotContain("/fracturas-de-cadera/", "/protesis-de-cadera/", "/ghutne-ka-dard/",
                "/kusur-al-wirk/");
    }

    @Test
    void theSiteLanguagesOwnTagAndOtherSpellingsLeadToOneAddress() {
        HttpResponse<String> english = server.get("/en/search/?q=hip");
        HttpResponse<String> upper = server.get("/ES/search/?q=cadera");

        assertThat(english.statusCode()).isEqualTo(301);
        assertThat(english.headers().firstValue("Location")).contains("/search/?q=hip");
        assertThat(upper.statusCode()).isEqualTo(301);
        assertThat(upper.headers().firstValue("Location")).contains("/es/search/?q=cadera");
        assertThat(server.get("/zz/search/?q=hip").statusCode()).isEqualTo(404);
    }

    @Test
    void anEmptySpanishSearchAsksInSpanishAndIsNeverIndexed() {
        HttpResponse<String> response = server.get("/es/search/");
        Document page = server.page("/es/search/");

        assertThat(response.headers().firstValue("X-Robots-Tag")).contains("noindex");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Buscar");
        assertThat(page.selectFirst(".search-message").text()).startsWith("Escriba una o dos palabras");
    }

    @Test
    void suggestionsOfferTheTitlesOfTheLanguageAsked() throws IOException {
        JsonNode spanish = new ObjectMapper().readTree(server.get("/api/v1/search?q=fract&lang=es").body());
        JsonNode site = new ObjectMapper().readTree(server.get("/api/v1/search?q=fract").body());

        assertThat(spanish.get("suggestions").findValuesAsText("url"))
                .containsExactlyInAnyOrder("/fracturas-de-cadera/", "/protesis-de-cadera/");
        assertThat(site.get("suggestions").findValuesAsText("url")).containsExactly("/hip-fractures/");
    }
}
