package org.vertebra.newsletter;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.PublishedArticles;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;
import org.vertebra.spam.FormGuard;

/** The newsletter: the reader's sign-up and confirmation pages, the admin's pages, and the digest's queue. */
public final class NewsletterFeature implements Feature {

    private final PersonalDataSource personalData;
    private final DigestQueue digests;
    private final NewsletterAdminRoutes admin;
    private final NewsletterRoutes routes;

    public NewsletterFeature(NewsletterService newsletter, PublishedArticles articles, FormGuard guard, AuditLog audit,
                             WebParts web) {
        this.personalData = PersonalDataSource.of("newsletter_subscription", List.of("subscribers"),
                newsletter::exportPersonalData, newsletter::erasePersonalData);
        this.digests = new DigestQueue(newsletter);
        newsletter.onDigestRecorded(digests::wake);
        this.admin = new NewsletterAdminRoutes(newsletter, web.adminShell(), audit);
        this.routes = new NewsletterRoutes(newsletter, articles, guard, web.frames(), web.templates());
    }

    @Override
    public String name() {
        return "newsletter";
    }

    @Override
    public void routes(RoutesConfig config) {
        admin.register(config);
        routes.register(config);
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
