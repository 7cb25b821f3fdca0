package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.NuHtmlChecker;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TranslatedArticles;

/**
 * The reading side of a translation group (issue 23): every public page of the group names the
 * same hreflang set in its head, x-default among it, and a switcher beside the title lists the
 * other public translations, each named in its own language. Drafts and scheduled translations
 * appear in neither.
 */
class TranslationLinksTest {

    @TempDir
    Path temp;

    private TestServer start(TestDatabase database) throws java.io.IOException {
        TestServer server = TestServer.empty(database, Files.createDirectories(temp.resolve("site")),
                TestClock.at("2026-03-02T09:00:00Z"));
        TranslatedArticles.importInto(server, temp.resolve("md"));
        return server;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyPageOfTheGroupNamesTheSameHreflangSetWithXDefault(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            String base = server.site().settings.baseUrl();
            Map<String, String> expected = new TreeMap<>(Map.of(
                    "en", base + TranslatedArticles.ENGLISH,
                    "es", base + TranslatedArticles.SPANISH,
                    "hi", base + TranslatedArticles.HINDI,
                    "x-default", base + TranslatedArticles.ENGLISH));
            for (String path : List.of(TranslatedArticles.ENGLISH, TranslatedArticles.SPANISH, TranslatedArticles.HINDI)) {
                assertThat(hreflang(server.page(path))).as(path).isEqualTo(expected);
            }
            // The draft and the scheduled translation are not public: they have no page, and no page links them.
            assertThat(server.get(TranslatedArticles.FRENCH_DRAFT).statusCode()).isEqualTo(404);
            assertThat(server.get(TranslatedArticles.GERMAN_SCHEDULED).statusCode()).isEqualTo(404);
            // An article alone in its language has no alternates to name.
            assertThat(server.page(TranslatedArticles.ALONE).select("link[hreflang]")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSwitcherListsTheOtherPublicTranslationsNamedInTheirOwnLanguage(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            HttpResponse<String> spanishResponse = server.get(TranslatedArticles.SPANISH);
            assertThat(spanishResponse.headers().allValues("Set-Cookie")).as("the switcher remembers nothing").isEmpty();
            Document spanish = server.page(TranslatedArticles.SPANISH);
            Element switcher = spanish.selectFirst("nav.language-switcher");
            assertThat(switcher).isNotNull();
            assertThat(switcher.attr("aria-label")).isEqualTo("Leer en otro idioma");
            // beside the title, in the article's header
            assertThat(switcher.parent().selectFirst("h1.entry-title").text()).isEqualTo("Dolor de espalda");
            List<Element> links = switcher.select("a");
            assertThat(links).extracting(Element::text).containsExactly("English", "हिन्दी");
            assertThat(links).extracting(a -> a.attr("href")).containsExactly(TranslatedArticles.ENGLISH, TranslatedArticles.HINDI);
            assertThat(links).extracting(a -> a.attr("lang")).containsExactly("en", "hi");
            assertThat(links).extracting(a -> a.attr("hreflang")).containsExactly("en", "hi");

            Element english = server.page(TranslatedArticles.ENGLISH).selectFirst("nav.language-switcher");
            assertThat(english.attr("aria-label")).isEqualTo("Read in another language");
            assertThat(english.select("a")).extracting(Element::text).containsExactly("Español", "हिन्दी");
            assertThat(english.select("a[lang=fr], a[lang=de]")).as("draft and scheduled translations").isEmpty();

            assertThat(server.page(TranslatedArticles.ALONE).select("nav.language-switcher")).isEmpty();
        }
    }

    @Test
    void aSpanishArticleWithItsSwitcherAndAlternatesIsValidHtml() throws Exception {
        try (TestServer server = start(TestDatabase.SQLITE)) {
            Path saved = temp.resolve("dolor-de-espalda.html");
            Files.writeString(saved, server.get(TranslatedArticles.SPANISH).body(), StandardCharsets.UTF_8);
            assertThat(parsed(saved).select("nav.language-switcher a")).hasSize(2);
            List<String> errors = NuHtmlChecker.errors(List.of(saved));
            assertThat(errors).as("the W3C Nu checker's errors:\n" + String.join("\n", errors)).isEmpty();
        }
    }

    private static Document parsed(Path file) throws java.io.IOException {
        return org.jsoup.Jsoup.parse(file.toFile(), "UTF-8");
    }

    private static Map<String, String> hreflang(Document page) {
        Map<String, String> links = new TreeMap<>();
        page.select("head link[rel=alternate][hreflang]").forEach(l -> links.put(l.attr("hreflang"), l.attr("href")));
        return links;
    }
}
