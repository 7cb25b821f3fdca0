package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * A mail to many stored once: its body in mail_bodies, each recipient's row only their values; the
 * admin, the data export and erasure see such mails like any other; a body no mail needs goes with
 * the mail chore. On SQLite and PostgreSQL.
 */
class SharedMailTest {

    static final String KEY = "newsletter-digest-1";
    static final MailTemplate NEWS = new MailTemplate(KEY, "newsletter-digest", "3 new articles", "News.\nLeave: "
            + MailTemplate.slot(KEY, "leave") + "\n", "<p>News.</p><a href=\"" + MailTemplate.slot(KEY, "leave") + "\">Leave</a>",
            Map.of("List-Unsubscribe", "<" + MailTemplate.slot(KEY, "leave") + ">"));

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    @AutoClose
    private TestSite site;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyBatchOfOneKeySharesOneBodyAndEachRowHoldsOnlyItsRecipientsValues(TestDatabase kind) {
        Outbox outbox = open(kind);
        site.site().transactor.run(() -> outbox.enqueueAll(NEWS, recipients("ann", "bob")));
        site.site().transactor.run(() -> outbox.enqueueAll(NEWS, recipients("cy")));

        assertThat(count("SELECT COUNT(*) FROM mail_bodies")).isEqualTo(1);
        List<Map<String, Object>> rows = jdbi().withHandle(h -> h.createQuery("""
                SELECT o.recipient, o.subject, o.text_body, o.html_body, o.fill_json, o.body_id, b.share_key
                FROM mail_outbox o JOIN mail_bodies b ON b.id = o.body_id ORDER BY o.id""").mapToMap().list());
        assertThat(rows).extracting(r -> r.get("recipient")).containsExactly("ann@example.org", "bob@example.org", "cy@example.org");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row).containsEntry("subject", "").containsEntry("text_body", "").containsEntry("html_body", null)
                    .containsEntry("share_key", KEY);
            assertThat((String) row.get("fill_json")).hasSizeLessThan(200).contains("https://clinic.example/leave/");
        });
        assertThat(outbox.waiting()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theAdminTheExportAndTheErasureSeeAMailOfASharedBodyByItsSubject(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.enqueue(OutgoingMail.plain("contact", "ann@example.org", "Your question", "Thanks"));
        outbox.enqueueAll(NEWS, recipients("ann", "bob"));
        OutboxSender sender = new OutboxSender(jdbi(), (SmtpTransport) null, clock);

        assertThat(sender.report(10).recent()).extracting(OutboxReport.Row::subject)
                .containsExactly("3 new articles", "3 new articles", "Your question");
        assertThat(outbox.exportPersonalData("ANN@example.org")).extracting(row -> row.get("kind") + ": " + row.get("subject"))
                .containsExactly("contact: Your question", "newsletter-digest: 3 new articles");

        assertThat(outbox.erasePersonalData("ann@example.org")).isEqualTo(2);
        assertThat(outbox.exportPersonalData("ann@example.org")).isEmpty();
        assertThat(outbox.exportPersonalData("bob@example.org")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBodyGoesOnceNoMailRefersToItAndNoBatchHasUsedItForADay(TestDatabase kind) {
        Outbox outbox = open(kind);
        outbox.enqueueAll(NEWS, recipients("ann", "bob"));
        outbox.erasePersonalData("ann@example.org");
        clock.advance(Outbox.BODY_GRACE.plusMinutes(1));
        assertThat(outbox.deleteUnusedBodies()).as("bob's mail needs it").isZero();

        outbox.erasePersonalData("bob@example.org");
        assertThat(outbox.deleteUnusedBodies()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_bodies")).isZero();

        // A batch of the same send stores it again; a body a batch used within the day is kept though no mail needs it yet.
        outbox.enqueueAll(NEWS, recipients("cy"));
        outbox.erasePersonalData("cy@example.org");
        clock.advance(Duration.ofHours(23));
        assertThat(outbox.deleteUnusedBodies()).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_bodies")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void valuesThatLeaveASlotEmptyAreRefusedAndNothingIsStored(TestDatabase kind) {
        Outbox outbox = open(kind);
        List<MailTemplate.Recipient> wrong = List.of(new MailTemplate.Recipient("ann@example.org", Map.of("unsubscribe", "x")));

        assertThatThrownBy(() -> outbox.enqueueAll(NEWS, wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not fill the slots [leave]");
        assertThat(count("SELECT COUNT(*) FROM mail_bodies")).isZero();
        assertThat(outbox.waiting()).isZero();
    }

    static List<MailTemplate.Recipient> recipients(String... names) {
        return java.util.Arrays.stream(names).map(name -> new MailTemplate.Recipient(name + "@example.org",
                Map.of("leave", "https://clinic.example/leave/?who=" + name))).toList();
    }

    private Outbox open(TestDatabase kind) {
        site = TestSite.open(kind, folder, clock);
        return site.site().outbox;
    }

    private Jdbi jdbi() {
        return site.site().database.jdbi();
    }

    private int count(String sql) {
        return jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
