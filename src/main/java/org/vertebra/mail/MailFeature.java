package org.vertebra.mail;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.admin.AdminShell;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.Gauge;
import org.vertebra.module.Job;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;

/** Mail: the outbox's sender, woken by each mail enqueued, and the admin's mail pages and settings. */
public final class MailFeature implements Feature {

    private final PersonalDataSource personalData;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final Gauge waiting;
    private final MailConfiguration mail;
    private final AuditLog audit;

    /** @param claim how long a sender holds the mails it took before another server may take them */
    public MailFeature(Jdbi jdbi, Outbox outbox, MailConfiguration mail, Duration claim, AuditLog audit, Clock clock) {
        this.personalData = PersonalDataSource.of("mail_sent", List.of("mail_outbox"), outbox::exportPersonalData,
                outbox::erasePersonalData);
        this.waiting = new Gauge("vertebra.outbox.waiting", "Mails in the outbox not yet sent", outbox::waiting);
        // The SMTP server is asked for each round: a change in the admin's mail settings needs no restart.
        this.sender = new OutboxSender(jdbi, mail::transport, clock, claim);
        // A mail enqueued on this server goes out at once, not at the sender's next round.
        outbox.onEnqueue(sender::wake);
        this.mail = mail;
        this.audit = audit;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new MailAdminRoutes(sender, mail, web.adminShell()).register(config);
        new MailSettingsRoutes(mail, web.adminShell(), audit).register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.MAIL);
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.of(sender::start, sender::close));
    }

    /**
     * Sent mail is kept {@link Outbox#SENT_KEPT} (or until its recipient asks to erase it); a shared
     * body goes when its last mail has gone, so the bodies' chore comes second.
     */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("sent mail older than " + Outbox.SENT_KEPT.toDays() + " days deleted", outbox::deleteOldSentMail),
                new Chore("shared mail bodies no mail needs deleted", outbox::deleteUnusedBodies));
    }

    /** The outbox's sender, for tests that deliver at once rather than at its next round. */
    public OutboxSender sender() {
        return sender;
    }

    @Override
    public List<Gauge> gauges() {
        return List.of(waiting);
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(personalData);
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.mail");
    }
}
