package org.vertebra.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.spam.FormGuard;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Storing, mailing and reading contact messages on SQLite and PostgreSQL. */
class ContactServiceTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageIsStoredWithItsMailInOneGoAndMarkedRead(TestDatabase kind) {
        TestClock clock = TestClock.at("2025-03-10T09:00:00Z");
        try (TestSite site = TestSite.open(kind, folder, clock)) {
            ContactService contact = site.site().contact;
            String ticket = site.site().formGuard.ticket();
            clock.advance(Duration.ofSeconds(10));
            ContactForm.Sent form = new ContactForm.Sent("feedback", "Ada", "ada@example.org", "Clear articles, thank you.");
            assertThat(contact.send(form, "192.0.2.1", ticket, "").accepted()).isTrue();
            assertThat(contact.unread()).isEqualTo(1);
            ContactMessage stored = contact.recent().get(0);
            assertThat(stored.topicLabel()).isEqualTo("Feedback about the site");
            assertThat(stored.message()).isEqualTo("Clear articles, thank you.");
            assertThat(MailOutbox.ofKind(site.site(), "contact")).singleElement()
                    .satisfies(m -> assertThat(m.headers()).containsEntry("Reply-To", "\"Ada\" <ada@example.org>"));
            String address = site.site().database.jdbi().withHandle(h -> h.createQuery("SELECT address_hash FROM contact_messages")
                    .mapTo(String.class).one());
            assertThat(address).isEqualTo(site.site().formGuard.hash("192.0.2.1")).doesNotContain("192.0.2.1");
            assertThat(contact.markRead(stored.id())).isTrue();
            assertThat(contact.unread()).isZero();

            assertThat(contact.send(form, "192.0.2.1", ticket, "I am a robot").kind()).isEqualTo(org.vertebra.spam.Verdict.Kind.SPAM);
            assertThat(contact.recent()).hasSize(1);
            assertThat(FormGuard.HONEYPOT).isEqualTo("homepage");
        }
    }

    /** The rules are the service's, so a second way of sending (an API, an import) cannot skip them. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theServiceChecksEveryFieldAndTheHourlyLimitWhoeverCallsIt(TestDatabase kind) {
        TestClock clock = TestClock.at("2025-03-10T09:00:00Z");
        try (TestSite site = TestSite.open(kind, folder, clock)) {
            ContactService contact = site.site().contact;
            String ticket = site.site().formGuard.ticket();
            clock.advance(Duration.ofSeconds(10));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> contact.send(new ContactForm.Sent("nonsense", " ", "not-mail",
                            "x".repeat(ContactForm.MESSAGE_MAX + 1)), "192.0.2.1", ticket, ""))
                    .isInstanceOfSatisfying(org.vertebra.form.Invalid.class, invalid -> assertThat(invalid.problems())
                            .extracting(p -> p.field()).containsExactly("topic", "name", "email", "message"));
            for (int i = 0; i < ContactService.PER_HOUR; i++) {
                site.site().formGuard.record(ContactService.FORM, "192.0.2.1");
            }
            org.vertebra.spam.Verdict limited = contact.send(new ContactForm.Sent("general", "Ada", "ada@example.org", "Hello"),
                    "192.0.2.1", ticket, "");
            assertThat(limited.kind()).isEqualTo(org.vertebra.spam.Verdict.Kind.REFUSED);
            assertThat(contact.recent()).isEmpty();
            assertThat(MailOutbox.all(site.site())).isEmpty();
        }
    }
}
