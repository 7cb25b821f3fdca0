package org.vertebra.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.importer.ImportReport;
import org.vertebra.settings.IdentityChange;
import org.vertebra.spam.FormGuard;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * The fixed text of public pages comes from the bundle of the page's language, on both databases:
 * an article's own language on its page (headings, consent banner, comment form and its
 * messages, dates), the site's language on the other pages (home, 404, contact).
 */
class PagesInTheirLanguageTest {

    @TempDir
    Path temp;

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

    private TestServer start(TestDatabase database) throws java.io.IOException {
        return TestServer.empty(database, Files.createDirectories(temp.resolve("site")), clock);
    }

    private static String article(String slug, String title, String fields) {
        return MarkdownFiles.article(slug, title, """
                Rest the back for a day or two.

                ## Moving

                Walk a little.

                ## References
                - Author A, Author B. Title. Journal. 2012;5(3):3-15. doi: 10.1234/abcd. PMID: 12345678
                """).replace("summary: \"A test article.\"", "summary: \"A test article.\"\ndisclosure: \"None.\"\n"
                + "key_points: [\"Most back pain settles.\"]\n" + fields);
    }

    private void importFiles(TestServer server, Map<String, String> files) {
        Path folder = temp.resolve("articles-" + System.nanoTime());
        files.forEach((name, text) -> MarkdownFiles.write(folder, name, text));
        ImportReport report = server.site().importer.importPaths(List.of(folder), false);
        assertThat(report.problems()).isEmpty();
        server.server().refreshCache();
    }

    /** Sends a form from the page at {@code path} as a person would, after the guard's minimum time. */
    private HttpResponse<String> send(TestServer server, WebClient reader, String path, String action, Map<String, String> fields) {
        Document page = reader.page(path);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(FormGuard.TICKET, page.selectFirst("input[name=" + FormGuard.TICKET + "]").attr("value"));
        form.put(FormGuard.HONEYPOT, "");
        form.putAll(fields);
        clock.advance(FormGuard.MINIMUM_TIME.plus(Duration.ofSeconds(2)));
        return reader.post(action, form, Map.of("Origin", "http://localhost:" + server.server().port()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSpanishArticleSpeaksSpanishWhileAnEnglishOneOnTheSameSiteSpeaksEnglish(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            importFiles(server, Map.of(
                    "a-back.md", article("back-pain", "Back pain", ""),
                    "b-dolor.md", article("dolor-de-espalda", "Dolor de espalda", "lang: es\ntranslation_of: back-pain")));
            WebClient reader = new WebClient(server);

            Document spanish = reader.page("/dolor-de-espalda/");
            assertThat(spanish.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(spanish.select("#key-points-title").text()).isEqualTo("Puntos clave");
            assertThat(spanish.select("h2#references").text()).isEqualTo("Referencias");
            assertThat(spanish.select("#toc-title").text()).isEqualTo("En este artículo");
            assertThat(spanish.select("#consent-banner-title").text()).isEqualTo("Su privacidad en este sitio");
            assertThat(spanish.select(".consent-banner button").eachText()).contains("Aceptar todo", "Rechazar todo");
            assertThat(spanish.select("label[for=comment-name]").text()).isEqualTo("Nombre");
            assertThat(spanish.select("#respond-title").text()).isEqualTo("Deje un comentario");
            assertThat(spanish.select(".entry-meta time").first().text()).isEqualTo("1 de febrero de 2024");
            assertThat(spanish.select("#evidence-summary-title").text()).isEqualTo("Sobre la evidencia de este artículo");
            assertThat(spanish.select("#sidebar h2").text()).isEqualTo("Explorar artículos");

            Document english = reader.page("/back-pain/");
            assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(english.select("#key-points-title").text()).isEqualTo("Key points");
            assertThat(english.select("h2#references").text()).isEqualTo("References");
            assertThat(english.select("#toc-title").text()).isEqualTo("In this article");
            assertThat(english.select("#consent-banner-title").text()).isEqualTo("Your privacy on this site");
            assertThat(english.select("label[for=comment-name]").text()).isEqualTo("Name");
            assertThat(english.select(".entry-meta time").first().text()).isEqualTo("1 February 2024");
            assertThat(english.select("#evidence-summary-title").text()).isEqualTo("About this article's evidence");

            long spanishId = server.site().articleWriter.bySlug("dolor-de-espalda").orElseThrow().id();
            HttpResponse<String> refused = send(server, reader, "/dolor-de-espalda/", "/comments/" + spanishId + "/",
                    Map.of("name", "", "email", "ana@example", "body", "¿Sirve caminar?"));
            assertThat(refused.statusCode()).isEqualTo(422);
            Document problems = Jsoup.parse(refused.body());
            assertThat(problems.select(".comment-problems p").text()).isEqualTo("Su comentario no se ha enviado:");
            assertThat(problems.select(".comment-problems li").eachText()).containsExactly("Escriba su nombre.",
                    "Escriba una dirección de correo electrónico como nombre@ejemplo.org.");
            assertThat(problems.select("#comment-name-error").text()).isEqualTo("Escriba su nombre.");

            long englishId = server.site().articleWriter.bySlug("back-pain").orElseThrow().id();
            HttpResponse<String> refusedInEnglish = send(server, reader, "/back-pain/", "/comments/" + englishId + "/",
                    Map.of("name", "", "email", "ann@example", "body", "Does walking help?"));
            assertThat(Jsoup.parse(refusedInEnglish.body()).select(".comment-problems li").eachText())
                    .containsExactly("Enter your name.", "Enter an email address like name@example.org.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSiteInSpanishShowsItsHomeNotFoundAndContactPagesInSpanish(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            server.site().siteSettings.save(IdentityChange.parse(null, null, null, "es"));
            importFiles(server, Map.of("rodilla.md", article("dolor-de-rodilla", "Dolor de rodilla", "")));
            WebClient reader = new WebClient(server);

            Document home = reader.page("/");
            assertThat(home.selectFirst("html").attr("lang")).isEqualTo("es");
            assertThat(home.select("#sidebar h2").text()).isEqualTo("Explorar artículos");
            assertThat(home.select("label[for=header-q]").text()).isEqualTo("Buscar artículos");
            assertThat(home.select("footer").text()).contains("no sustituyen el consejo de su propio médico");
            assertThat(home.select(".card-meta time").first().text()).isEqualTo("1 de febrero de 2024");

            HttpResponse<String> missing = reader.get("/no-such-page/");
            assertThat(missing.statusCode()).isEqualTo(404);
            Document notFound = Jsoup.parse(missing.body());
            assertThat(notFound.select("h1").text()).isEqualTo("Página no encontrada");
            assertThat(notFound.title()).startsWith("Página no encontrada");

            Document contact = reader.page("/contact/");
            assertThat(contact.select("#contact-title").text()).isEqualTo("Envíenos un mensaje");
            assertThat(contact.select("label[for=name]").text()).isEqualTo("Nombre");
            assertThat(contact.select("button[type=submit]").last().text()).isEqualTo("Enviar el mensaje");
            HttpResponse<String> refused = send(server, reader, "/contact/", "/contact/",
                    Map.of("topic", "general", "name", "", "email", "ana@example.org", "message", ""));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select(".form-problems li").eachText())
                    .containsExactly("Escriba su nombre.", "Escriba su mensaje.");

            Document newsletter = reader.page("/newsletter/");
            assertThat(newsletter.select("#subscribe-title").text()).isEqualTo("Suscribirse");
            HttpResponse<String> badAddress = send(server, reader, "/newsletter/", "/newsletter/", Map.of("email", "ana"));
            assertThat(Jsoup.parse(badAddress.body()).select("#email-error").text()).contains("no parece una dirección");
            assertThat(send(server, reader, "/newsletter/", "/newsletter/", Map.of("email", "ana@example.org")).statusCode())
                    .isEqualTo(200);
            MailOutbox.Mail confirm = MailOutbox.ofKind(server.site(), "newsletter-confirm").get(0);
            assertThat(confirm.subject()).startsWith("Confirme su suscripción a ");
            assertThat(confirm.text()).startsWith("Alguien, probablemente usted, ha pedido recibir el boletín de ")
                    .contains("en un plazo de 48 horas");
            assertThat(confirm.html()).contains("<html lang=\"es\">", "Confirmar mi suscripción");

            send(server, reader, "/privacy/my-data/", "/privacy/my-data/", Map.of("email", "ana@example.org"));
            MailOutbox.Mail data = MailOutbox.ofKind(server.site(), "privacy-request").get(0);
            assertThat(data.subject()).startsWith("Sus datos en ");
            assertThat(data.text()).contains("El enlace sirve durante 24 horas.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEnglishSitesConfirmationAndDataMailsReadWordForWordAsBefore(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            WebClient reader = new WebClient(server);
            send(server, reader, "/newsletter/", "/newsletter/", Map.of("email", "ada@example.org"));
            MailOutbox.Mail confirm = MailOutbox.ofKind(server.site(), "newsletter-confirm").get(0);
            String link = confirm.link("http://vertebra.test/newsletter/confirm/?token=");
            String site = server.site().siteSettings.identity().title();
            assertThat(confirm.subject()).isEqualTo("Please confirm your subscription to " + site);
            assertThat(confirm.text()).isEqualTo("Someone, most likely you, asked to receive the newsletter of " + site
                    + " at this address.\n\nTo confirm, open this link within 48 hours and press the button on its page:\n"
                    + link + "\n\nIf it was not you, ignore this email: nothing more will be sent unless you confirm.\n");
            assertThat(confirm.html()).startsWith("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                    + "Confirm your subscription</title></head>").contains("\">Confirm my subscription</a> "
                    + "(the link works for 48 hours; press the button on its page).</p><p>If it was not you, ignore this email: "
                    + "nothing more will be sent unless you confirm.</p></body></html>");

            send(server, reader, "/privacy/my-data/", "/privacy/my-data/", Map.of("email", "ada@example.org"));
            MailOutbox.Mail data = MailOutbox.ofKind(server.site(), "privacy-request").get(0);
            assertThat(data.subject()).isEqualTo("Your data at " + site);
            assertThat(data.text()).isEqualTo("Someone, hopefully you, asked " + site + " for the personal data it holds under "
                    + "this address.\n\nOpen this link to download it (a JSON file) or to have it erased:\n"
                    + data.link("http://vertebra.test/privacy/my-data/") + "\n\nThe link works for 24 hours. If you did not ask, "
                    + "ignore this mail: nothing happens without the link.\n");
        }
    }

    private static final String POLICIES = """
            ---
            title: "Policies"
            slug: policies
            type: page
            status: published
            ---
            ## Editorial policy

            We write plainly.
            """;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePoliciesPagesGeneratedSectionsFollowTheSitesLanguageAndAnEnglishSiteKeepsItsWords(TestDatabase database)
            throws Exception {
        try (TestServer server = start(database)) {
            importFiles(server, Map.of("policies.md", POLICIES));
            WebClient reader = new WebClient(server);

            Document english = reader.page("/policies/");
            assertThat(english.select("nav.toc a[href=#cookie-policy]").text()).isEqualTo("Cookie policy");
            assertThat(english.select("#cookie-policy").text()).isEqualTo("Cookie policy");
            assertThat(english.select("#cookie-policy ~ p").first().text()).startsWith("This section is generated from the "
                    + "site's own settings, so it lists exactly what the site uses. Version ");
            assertThat(english.select("#cookie-policy ~ h3").first().text()).isEqualTo("Functional (always on)");
            assertThat(english.select("section[aria-labelledby=cookie-policy] th").eachText())
                    .startsWith("Name", "Purpose", "Kept for", "Provider");
            assertThat(english.select("#privacy-policy").text()).isEqualTo("Privacy policy");
            assertThat(english.select("section[aria-labelledby=privacy-policy] th").eachText())
                    .containsExactly("What", "Why", "How long");
            assertThat(english.select("section[aria-labelledby=privacy-policy] tbody td").first().text())
                    .isEqualTo("Comments: your name, email address and words");
            assertThat(english.select("section[aria-labelledby=privacy-policy] tbody tr")).hasSize(7);
            assertThat(english.select("#privacy-rights + p").text()).isEqualTo("You can download everything we hold under "
                    + "your email address, or have it erased, on the your data page. We send a link to your address first, "
                    + "so that only you can do this.");
            assertThat(english.select("#privacy-rights + p a[href=/privacy/my-data/]")).hasSize(1);

            // A change of the site's language is a content change: the sections are rendered again in the new one.
            server.site().siteSettings.save(IdentityChange.parse(null, null, null, "es"));
            server.server().refreshCache();
            Document spanish = reader.page("/policies/");
            assertThat(spanish.select("nav.toc a[href=#cookie-policy]").text()).isEqualTo("Política de cookies");
            assertThat(spanish.select("#cookie-policy").text()).isEqualTo("Política de cookies");
            assertThat(spanish.select("#cookie-policy ~ p").first().text()).startsWith("Esta sección se genera a partir de "
                    + "la propia configuración del sitio");
            assertThat(spanish.select("#cookie-policy ~ h3").first().text()).endsWith("(siempre activas)");
            assertThat(spanish.select("section[aria-labelledby=cookie-policy] th").eachText())
                    .startsWith("Nombre", "Finalidad", "Se conserva", "Proveedor");
            assertThat(spanish.select("#privacy-policy").text()).isEqualTo("Política de privacidad");
            assertThat(spanish.select("section[aria-labelledby=privacy-policy] th").eachText())
                    .containsExactly("Qué", "Para qué", "Cuánto tiempo");
            assertThat(spanish.select("section[aria-labelledby=privacy-policy] tbody td").first().text())
                    .isEqualTo("Comentarios: su nombre, su dirección de correo electrónico y sus palabras");
            assertThat(spanish.select("#privacy-rights").text()).isEqualTo("Sus derechos");
            assertThat(spanish.select("#privacy-rights + p a[href=/privacy/my-data/]").text()).isEqualTo("sus datos");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aVideoPlaceholderIsInItsArticlesLanguage(TestDatabase database) throws Exception {
        try (TestServer server = start(database)) {
            importFiles(server, Map.of(
                    "a-back.md", article("back-pain", "Back pain", "").replace("Walk a little.",
                            "Walk a little.\n\nhttps://www.youtube.com/watch?v=abcDEF12345"),
                    "b-dolor.md", article("dolor-de-espalda", "Dolor de espalda", "lang: es\ntranslation_of: back-pain")
                            .replace("Walk a little.", "Camine un poco.\n\nhttps://www.youtube.com/watch?v=abcDEF12345")));
            WebClient reader = new WebClient(server);

            org.jsoup.nodes.Element spanish = reader.page("/dolor-de-espalda/").selectFirst("figure.embed");
            assertThat(spanish.selectFirst(".embed-title").text()).isEqualTo("Vídeo en YouTube");
            assertThat(spanish.select("button.embed-load").text()).isEqualTo("Cargar el vídeo (acepta las cookies de Marketing de YouTube)");
            assertThat(spanish.select("figcaption a").text()).isEqualTo("Ver «Vídeo en YouTube» en YouTube");

            org.jsoup.nodes.Element english = reader.page("/back-pain/").selectFirst("figure.embed");
            assertThat(english.selectFirst(".embed-title").text()).isEqualTo("Video on YouTube");
            assertThat(english.select("button.embed-load").text()).isEqualTo("Load video (accepts Marketing cookies for YouTube)");
            assertThat(english.select("figcaption a").text()).isEqualTo("Watch \u201cVideo on YouTube\u201d on YouTube");
        }
    }
}
