package org.vertebra.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

class FormGuardTest {

    @TempDir
    Path temp;

    private TestClock clock;
    private TestSite site;
    private FormGuard guard;

    @BeforeEach
    void open() {
        clock = TestClock.at("2026-03-02T09:00:00Z");
        site = TestSite.open(TestDatabase.SQLITE, temp, clock);
        guard = new FormGuard(site.site().database.jdbi(), "a test secret of some length".getBytes(),
                BlockList.of("casino", "spam-domain.example"), clock);
    }

    @AfterEach
    void close() {
        site.close();
    }

    private FormGuard.Submission submission(String ticket, String honeypot, String text) {
        return new FormGuard.Submission("comment", "203.0.113.7", ticket, honeypot, 3, List.of("Ann", text));
    }

    @Test
    void acceptsAPersonWhoTookTheirTime() {
        String ticket = guard.ticket();
        clock.advance(Duration.ofSeconds(20));

        assertThat(guard.check(submission(ticket, "", "My knee hurts on stairs.")).accepted()).isTrue();
    }

    @Test
    void aFormShownAgainWithItsProblemsMayBeSentAtOnceButOnlyAfterAGenuineTicket() {
        String first = guard.ticket();
        clock.advance(Duration.ofSeconds(1));
        String again = guard.ticketAfterProblems(first);
        String forged = guard.ticketAfterProblems("123." + "x".repeat(43));

        assertThat(guard.check(submission(again, "", "My knee hurts on stairs.")).accepted()).isTrue();
        assertThat(guard.check(submission(forged, "", "My knee hurts on stairs.")).message()).contains("very quick");
    }

    @Test
    void filledHoneypotIsSpam() {
        String ticket = guard.ticket();
        clock.advance(Duration.ofSeconds(20));

        assertThat(guard.check(submission(ticket, "http://bot.example", "Hello")).kind()).isEqualTo(Verdict.Kind.SPAM);
    }

    @Test
    void tooQuickOrForgedOrMissingTicketsAreRefusedWithAMessage() {
        String ticket = guard.ticket();
        clock.advance(Duration.ofSeconds(1));
        assertThat(guard.check(submission(ticket, "", "Hi")).message()).contains("very quick");

        String forged = ticket.substring(0, ticket.indexOf('.')) + "." + "A".repeat(43);
        clock.advance(Duration.ofSeconds(30));
        assertThat(guard.check(submission(forged, "", "Hi")).kind()).isEqualTo(Verdict.Kind.REFUSED);
        assertThat(guard.check(submission(null, "", "Hi")).message()).contains("Reload the page");
        FormGuard other = new FormGuard(site.site().database.jdbi(), "another site's secret".getBytes(), BlockList.of(), clock);
        assertThat(other.check(submission(ticket, "", "Hi")).kind()).isEqualTo(Verdict.Kind.REFUSED);
    }

    @Test
    void limitsSubmissionsPerAddressPerHour() {
        String ticket = guard.ticket();
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check(submission(ticket, "", "Question " + i)).accepted()).isTrue();
            guard.record("comment", "203.0.113.7");
        }

        assertThat(guard.check(submission(ticket, "", "One more")).message()).contains("3 times in the last hour");
        assertThat(guard.check(new FormGuard.Submission("comment", "198.51.100.1", ticket, "", 3, List.of("Hi"))).accepted()).isTrue();
        assertThat(guard.check(new FormGuard.Submission("contact", "203.0.113.7", ticket, "", 3, List.of("Hi"))).accepted()).isTrue();

        clock.advance(Duration.ofMinutes(61));
        assertThat(guard.forgetOld()).isEqualTo(3);
        assertThat(guard.check(submission(ticket, "", "Later")).accepted()).isTrue();
    }

    @Test
    void blockedWordsAndDomainsAreSpamButSimilarWordsAreNot() {
        String ticket = guard.ticket();
        clock.advance(Duration.ofSeconds(30));

        assertThat(guard.check(submission(ticket, "", "Best CASINO bonus")).kind()).isEqualTo(Verdict.Kind.SPAM);
        assertThat(guard.check(submission(ticket, "", "see https://www.spam-domain.example/x")).kind()).isEqualTo(Verdict.Kind.SPAM);
        assertThat(guard.check(submission(ticket, "", "I read about casinos of old Venice")).accepted()).isTrue();
        assertThat(guard.check(submission(ticket, "", "mail me at ann@not-spam-domain.example.org")).accepted()).isTrue();
        assertThat(guard.check(submission(ticket, "", "mail me at ann@spam-domain.example.org")).accepted()).isTrue();
        assertThat(guard.check(submission(ticket, "", "ann@spam-domain.example.")).kind()).isEqualTo(Verdict.Kind.SPAM);
    }

    @Test
    void keepsOnlyASaltedHashOfTheAddress() {
        guard.record("comment", "203.0.113.7");

        String stored = site.site().database.jdbi().withHandle(h -> h.createQuery("SELECT address_hash FROM form_submissions")
                .mapTo(String.class).one());
        assertThat(stored).hasSize(64).doesNotContain("203.0.113.7").isEqualTo(guard.hash("203.0.113.7"));
    }
}
