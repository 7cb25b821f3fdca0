package org.vertebra.newsletter;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.PublishedArticles;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;
import org.vertebra.spam.FormGuard;

/** The newsletter: the reader's sign-up and confirmation pages, the admin's pages, and the digest's queue. */
public final class NewsletterFeature implements Feature {

    private final PersonalDataSource personalData;
    private final DigestQueue digests;
    private final NewsletterService newsletter;
    private final PublishedArticles articles;
    private final FormGuard guard;
    private final AuditLog audit;

    public NewsletterFeature(NewsletterService newsletter, PublishedArticles articles, FormGuard guard, AuditLog audit) {
        this.personalData = PersonalDataSource.of("newsletter_subscription", List.of("subscribers"),
                newsletter::exportPersonalData, newsletter::erasePersonalData);
        this.digests = new DigestQueue(newsletter);
        // A digest recorded on this server goes out at once, not at the queue's next round.
        newsletter.onDigestRecorded(digests::wake);
        this.newsletter = newsletter;
        this.articles = articles;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "newsletter";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new NewsletterAdminRoutes(newsletter, web.adminShell(), audit).register(config);
        new NewsletterRoutes(newsletter, articles, guard, web.frames(), web.templates()).register(config);
    }

    /** The weekly digest, when one is due and there is something new (the service logs what it sent). */
    @Override
    public List<Chore> chores() {
        return List.of(Chore.quiet("newsletter digest sent when due", newsletter::sendDigestIfDue));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.NEWSLETTER);
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.of(digests::start, digests::close));
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(personalData);
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.newsletter");
    }
}
