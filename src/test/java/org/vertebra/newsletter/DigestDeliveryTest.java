package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.support.ServerWithSmtp.part;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.ServerWithSmtp;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;

/**
 * A digest to many subscribers is stored once in the outbox, and each subscriber receives it over
 * SMTP (GreenMail) with their own unsubscribe link in the text, the HTML and the List-Unsubscribe
 * header. On SQLite and PostgreSQL.
 */
class DigestDeliveryTest {

    static final String UNSUBSCRIBE = "http://vertebra.test/newsletter/unsubscribe/?token=";
    static final int SUBSCRIBERS = 25;

    @TempDir
    Path temp;
    private final TestClock clock = TestClock.at("2025-03-10T09:00:00Z");
    @AutoClose
    private ServerWithSmtp withSmtp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDigestIsStoredOnceAndEachSubscriberGetsTheirOwnUnsubscribeLink(TestDatabase kind) throws Exception {
        withSmtp = ServerWithSmtp.start(kind, temp, clock);
        NewsletterService newsletter = withSmtp.site().newsletter;
        publish("knee-care", "Knee & hip <care>");
        newsletter.importCsv(IntStream.rangeClosed(1, SUBSCRIBERS).mapToObj(i -> "reader" + i + "@example.org,confirmed")
                .collect(Collectors.joining("\n", "", "\nwaiting@example.org,pending\n")));
        assertThat(newsletter.sendDigest().recipients()).isEqualTo(SUBSCRIBERS);
        newsletter.queueDigests();

        assertThat(count("SELECT COUNT(*) FROM mail_bodies")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'newsletter-digest'")).isEqualTo(SUBSCRIBERS);
        assertThat(count("""
                SELECT COUNT(*) FROM mail_outbox WHERE kind = 'newsletter-digest'
                AND text_body = '' AND html_body IS NULL AND body_id IS NOT NULL AND LENGTH(fill_json) < 300""")).isEqualTo(SUBSCRIBERS);

        List<MimeMessage> mails = delivered(SUBSCRIBERS);
        assertThat(mails).extracting(DigestDeliveryTest::to).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, SUBSCRIBERS).mapToObj(i -> "reader" + i + "@example.org").toList());
        for (MimeMessage mail : mails) {
            String to = to(mail);
            String text = part(mail, "text/plain");
            String html = part(mail, "text/html");
            String link = text.substring(text.indexOf(UNSUBSCRIBE)).strip();
            assertThat(newsletter.unsubscribeTarget(link.substring(link.indexOf("token=") + 6)))
                    .as("the link in %s's mail is theirs", to).hasValueSatisfying(s -> assertThat(s.email()).isEqualTo(to));
            assertThat(Jsoup.parse(html).select("a:contains(Unsubscribe)").attr("href")).as(to).isEqualTo(link);
            assertThat(mail.getHeader("List-Unsubscribe", null)).as(to).isEqualTo("<" + link + ">");
            assertThat(mail.getSubject()).isEqualTo("New on Test Clinic: Knee & hip <care>");
            assertThat(Jsoup.parse(html).select("h2 a").text()).isEqualTo("Knee & hip <care>");
            for (String part : List.of(text, html, mail.getSubject(), mail.getHeader("List-Unsubscribe", null))) {
                assertThat(part).as("no slot left in %s's mail", to).doesNotContain("{{fill-");
            }
        }
    }

    /** The mails received once at least {@code count} have arrived, sending what is due meanwhile. */
    private List<MimeMessage> delivered(int count) throws InterruptedException {
        for (int look = 0; look < 100; look++) {
            withSmtp.server().server().mailSender().sendDue();
            MimeMessage[] received = withSmtp.smtp().getReceivedMessages();
            if (received.length >= count) {
                return List.of(received);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " digests arrived");
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        Jdbi jdbi = withSmtp.site().database.jdbi();
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private void publish(String slug, String title) {
        String markdown = MarkdownFiles.article(slug, title, "Demo content for a test.")
                .replace("title: \"" + title + "\"", "title: '" + title + "'")
                .replace("published: 2024-02-01", "published: 2025-03-09T09:00:00Z");
        assertThat(withSmtp.site().importer.importPaths(List.of(MarkdownFiles.write(temp, slug + ".md", markdown)), false).problems())
                .isEmpty();
    }
}
