package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.support.ServerWithSmtp.part;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.settings.IdentityChange;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.ServerWithSmtp;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/**
 * The newsletter digest as a subscriber receives it over SMTP (GreenMail): in the site's language,
 * on both databases; an English site's digest reads word for word as it always did.
 */
class DigestLanguageTest {

    @TempDir
    Path temp;

    private final TestClock clock = TestClock.at("2025-03-10T09:00:00Z");
    @AutoClose
    private ServerWithSmtp withSmtp;
    private TestServer server;

    private void start(TestDatabase kind) {
        withSmtp = ServerWithSmtp.start(kind, temp, clock);
        server = withSmtp.server();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSpanishSitesDigestArrivesInSpanish(TestDatabase kind) throws Exception {
        start(kind);
        server.site().siteSettings.save(IdentityChange.parse(null, null, null, "es"));
        MimeMessage mail = digestOf("Rodilla", "Cadera");

        assertThat(mail.getSubject()).isEqualTo("2 artículos nuevos en Test Clinic");
        String text = part(mail, "text/plain").replace("\r\n", "\n");
        assertThat(text).startsWith("Novedades en Test Clinic:\n\nRodilla\n")
                .contains("--\nRecibe este correo porque se suscribió y confirmó su dirección.\n"
                        + "Darse de baja con un clic: http://vertebra.test/newsletter/unsubscribe/?token=")
                .doesNotContain("Unsubscribe", "New on");
        Document html = Jsoup.parse(part(mail, "text/html"));
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("es");
        assertThat(html.select("h1").text()).isEqualTo("Novedades en Test Clinic");
        assertThat(html.select("p").last().text()).isEqualTo("Recibe este correo porque se suscribió y confirmó su dirección. "
                + "Puede darse de baja con un clic.");
        assertThat(html.select("a:contains(darse de baja)").attr("href"))
                .startsWith("http://vertebra.test/newsletter/unsubscribe/?token=");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEnglishSitesDigestReadsWordForWordAsBefore(TestDatabase kind) throws Exception {
        start(kind);
        MimeMessage mail = digestOf("Knee");

        assertThat(mail.getSubject()).isEqualTo("New on Test Clinic: Knee");
        String text = part(mail, "text/plain").replace("\r\n", "\n");
        String link = text.substring(text.indexOf("http://vertebra.test/newsletter/unsubscribe/?token="), text.lastIndexOf('\n'));
        assertThat(text).isEqualTo("New on Test Clinic:\n\nKnee\nA test article.\nhttp://vertebra.test/knee/\n\n"
                + "--\nYou receive this because you subscribed and confirmed your address.\nUnsubscribe with one click: " + link + "\n");
        assertThat(part(mail, "text/html")).isEqualTo("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "New on Test Clinic: Knee</title></head><body style=\"font-family: sans-serif; line-height: 1.5; color: #1d2731\">"
                + "<h1 style=\"font-size: 1.4em\">New on Test Clinic</h1><h2 style=\"font-size: 1.15em; margin-bottom: 0.2em\">"
                + "<a href=\"http://vertebra.test/knee/\">Knee</a></h2><p style=\"margin-top: 0\">A test article.</p>"
                + "<hr><p style=\"font-size: 0.9em; color: #4a5763\">You receive this because you subscribed and confirmed your "
                + "address. <a href=\"" + link + "\">Unsubscribe</a> with one click.</p></body></html>");
    }

    /** Publishes these articles this week, subscribes one reader, sends the digest and returns it as delivered. */
    private MimeMessage digestOf(String... titles) throws Exception {
        for (String title : titles) {
            String slug = title.toLowerCase(java.util.Locale.ROOT);
            String markdown = MarkdownFiles.article(slug, title, "Demo content for a test.")
                    .replace("published: 2024-02-01", "published: 2025-03-0" + (8 + List.of(titles).indexOf(title)) + "T09:00:00Z");
            assertThat(server.site().importer.importPaths(List.of(MarkdownFiles.write(temp, slug + ".md", markdown)), false)
                    .problems()).isEmpty();
        }
        NewsletterService newsletter = server.site().newsletter;
        newsletter.importCsv("reader@example.org,confirmed");
        assertThat(newsletter.sendDigest().sent()).isTrue();
        newsletter.queueDigests();
        return withSmtp.first(m -> true, "the digest");
    }
}
