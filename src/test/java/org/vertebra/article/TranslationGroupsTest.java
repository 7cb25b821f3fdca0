package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.importer.ImportReport;
import org.vertebra.language.Language;
import org.vertebra.settings.IdentityChange;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * An article's language and its translation group, on both databases: from the front matter (a
 * translation may come before its original in the files), from the editor, refused when the group
 * has the language already, and kept together when the original is deleted for good.
 */
class TranslationGroupsTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path temp;

    private TestClock clock;

    private TestServer start(TestDatabase database) throws java.io.IOException {
        clock = TestClock.at("2026-03-02T09:00:00Z");
        return TestServer.empty(database, Files.createDirectories(temp.resolve("site")), clock);
    }

    private static String article(String slug, String title, String fields) {
        return MarkdownFiles.article(slug, title, "Rest the back for a day or two.\n\n## Moving\n\nWalk a little.")
                .replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\"\n" + fields);
    }

    private ImportReport importFiles(TestServer server, Map<String, String> files) {
        Path folder = temp.resolve("articles-" + System.nanoTime());
        files.forEach((name, text) -> MarkdownFiles.write(folder, name, text));
        ImportReport report = server.site().importer.importPaths(List.of(folder), false);
        server.server().refreshCache();
        return report;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void translationsFromTheFrontMatterJoinTheirOriginalEvenWhenReadBeforeIt(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            // Files are read in name order: both translations come before the original.
            ImportReport report = importFiles(server, Map.of(
                    "a-dolor.md", article("dolor-de-espalda", "Dolor de espalda", "lang: es\ntranslation_of: back-pain"),
                    "b-hindi.md", article("kamar-dard", "Kamar dard", "lang: HI\ntranslation_of: dolor-de-espalda"),
                    "c-back.md", article("back-pain", "Back pain", "")));
            assertThat(report.problems()).isEmpty();

            Article english = server.site().articleWriter.bySlug("back-pain").orElseThrow();
            Article spanish = server.site().articleWriter.bySlug("dolor-de-espalda").orElseThrow();
            Article hindi = server.site().articleWriter.bySlug("kamar-dard").orElseThrow();
            assertThat(english.lang()).isEqualTo(Language.ENGLISH);
            assertThat(english.translationOf()).isNull();
            assertThat(spanish.lang()).isEqualTo(new Language("es"));
            assertThat(spanish.translationOf()).isEqualTo(english.id());
            // A translation of a translation translates the original.
            assertThat(hindi.lang()).isEqualTo(new Language("hi"));
            assertThat(hindi.translationOf()).isEqualTo(english.id());

            List<Translation> group = server.site().articleWriter.translations(spanish);
            assertThat(group).extracting(t -> t.lang().tag()).containsExactly("en", "es", "hi");
            assertThat(group).extracting(Translation::original).containsExactly(true, false, false);
            assertThat(group.get(1).url()).isEqualTo("/dolor-de-espalda/");

            Document page = server.page("/dolor-de-espalda/");
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(page.selectFirst("html").attr("dir")).isEqualTo("ltr");
            assertThat(page.selectFirst("script[type=application/ld+json]").data()).contains("\"inLanguage\":\"es\"");
            assertThat(server.page("/back-pain/").selectFirst("html").attr("lang")).isEqualTo("en");
            // The header's search and the head's feed are those of the page's language.
            assertThat(page.selectFirst("form.header-search").attr("action")).isEqualTo("/es/search/");
            assertThat(page.selectFirst("link[type=application/rss+xml]").attr("href")).isEqualTo("/es/feed/");
            assertThat(server.page("/back-pain/").selectFirst("form.header-search").attr("action")).isEqualTo("/search/");
            assertThat(server.page("/back-pain/").selectFirst("link[type=application/rss+xml]").attr("href")).isEqualTo("/feed/");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aGroupHasOneArticlePerLanguageAndAnUnknownOriginalIsNamed(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            importFiles(server, Map.of(
                    "back.md", article("back-pain", "Back pain", ""),
                    "dolor.md", article("dolor-de-espalda", "Dolor de espalda", "lang: es\ntranslation_of: back-pain")));

            ImportReport again = importFiles(server, Map.of(
                    "otra.md", article("otro-dolor", "Otro dolor", "lang: es\ntranslation_of: back-pain"),
                    "lost.md", article("perdido", "Perdido", "lang: fr\ntranslation_of: no-such-article"),
                    "bad.md", article("malo", "Malo", "lang: spanish please")));

            assertThat(again.problems()).hasSize(3);
            assertThat(again.problems()).anySatisfy(p -> assertThat(p).asString()
                    .contains("otra.md:", "/dolor-de-espalda/", "is in Spanish already"));
            assertThat(again.problems()).anySatisfy(p -> assertThat(p).asString()
                    .contains("lost.md:11:", "No article has the address /no-such-article/"));
            assertThat(again.problems()).anySatisfy(p -> assertThat(p).asString()
                    .contains("bad.md:10:", "'spanish please' is not a language tag"));
            assertThat(server.site().articleWriter.bySlug("otro-dolor")).isEmpty();
            assertThat(server.site().articleWriter.bySlug("perdido")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void newArticlesTakeTheSiteLanguageAndTheEditorSetsLanguageAndOriginal(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            server.site().siteSettings.save(IdentityChange.parse(null, null, null, "es"));
            importFiles(server, Map.of("rodilla.md", article("dolor-de-rodilla", "Dolor de rodilla", "")));
            assertThat(server.site().articleWriter.bySlug("dolor-de-rodilla").orElseThrow().lang().tag()).isEqualTo("es");
            assertThat(server.page("/").selectFirst("html").attr("lang")).isEqualTo("es");

            server.site().accounts.addUser("editor@example.org", "Eve Editor", AccountRole.EDITOR, PASSWORD);
            WebClient editor = new WebClient(server).signIn("editor@example.org", PASSWORD);
            Map<String, String> form = form(editor, "knee-pain", "Knee pain", "EN", "https://clinic.example/dolor-de-rodilla/");
            HttpResponse<String> created = editor.post("/admin/articles/", form);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
            Article knee = server.site().articleWriter.bySlug("knee-pain").orElseThrow();
            assertThat(knee.lang()).isEqualTo(Language.ENGLISH);
            assertThat(knee.translationOf()).isEqualTo(server.site().articleWriter.bySlug("dolor-de-rodilla").orElseThrow().id());

            Document edit = editor.page(created.headers().firstValue("Location").orElseThrow());
            assertThat(edit.selectFirst("input#lang").val()).isEqualTo("en");
            assertThat(edit.selectFirst("input#translationOf").val()).isEqualTo("dolor-de-rodilla");
            assertThat(edit.select("a[lang=es]").text()).contains("Español");

            // A second Spanish article in the group is refused on the language field, with what was typed kept.
            HttpResponse<String> refused = editor.post("/admin/articles/", form(editor, "rodilla-dos", "Rodilla dos", "es", "knee-pain"));
            assertThat(refused.statusCode()).isEqualTo(422);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst("#lang-error").text()).contains("/dolor-de-rodilla/", "is in Spanish already");
            assertThat(page.selectFirst("input#translationOf").val()).isEqualTo("knee-pain");
            assertThat(server.site().articleWriter.bySlug("rodilla-dos")).isEmpty();

            HttpResponse<String> notATag = editor.post("/admin/articles/", form(editor, "rodilla-tres", "Rodilla tres", "xx-123456789", ""));
            assertThat(notATag.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(notATag.body()).selectFirst("#lang-error").text()).contains("is not a language tag");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void translationsStayTogetherWhenTheirOriginalIsDeletedForGood(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            importFiles(server, Map.of(
                    "back.md", article("back-pain", "Back pain", ""),
                    "dolor.md", article("dolor-de-espalda", "Dolor de espalda", "lang: es\ntranslation_of: back-pain"),
                    "douleur.md", article("mal-de-dos", "Mal de dos", "lang: fr\ntranslation_of: back-pain")));
            ArticleWriter articles = server.site().articleWriter;
            long english = articles.bySlug("back-pain").orElseThrow().id();
            server.site().transactor.run(() -> articles.trash(english));
            clock.advance(ArticleWriter.TRASH_KEPT.plus(Duration.ofDays(1)));
            assertThat(server.site().transactor.inTransaction(articles::purgeTrash)).isEqualTo(1);

            Article spanish = articles.bySlug("dolor-de-espalda").orElseThrow();
            Article french = articles.bySlug("mal-de-dos").orElseThrow();
            assertThat(spanish.translationOf()).isNull();
            assertThat(french.translationOf()).isEqualTo(spanish.id());
            assertThat(articles.translations(french)).extracting(t -> t.lang().tag()).containsExactly("es", "fr");
        }
    }

    private static Map<String, String> form(WebClient client, String slug, String title, String lang, String original) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", client.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", title);
        form.put("slug", slug);
        form.put("summary", "A short summary.");
        form.put("markdown", "Rest helps most knee pain.\n\n## Moving\n\nKeep walking.");
        form.put("disclosure", "None.");
        form.put("zone", "UTC");
        form.put("lang", lang);
        form.put("translationOf", original);
        form.put("intent", "publish");
        return form;
    }
}
