package org.vertebra.contact;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.PublishedArticles;
import org.vertebra.module.Feature;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;
import org.vertebra.spam.FormGuard;

/** The contact form and the admin's messages. */
public final class ContactFeature implements Feature {

    private final PersonalDataSource personalData;
    private final ContactService contact;
    private final PublishedArticles articles;
    private final FormGuard guard;

    public ContactFeature(ContactService contact, PublishedArticles articles, FormGuard guard) {
        this.personalData = PersonalDataSource.of("contact_messages", List.of("contact_messages"), contact::exportPersonalData,
                contact::erasePersonalData);
        this.contact = contact;
        this.articles = articles;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "contact";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new ContactAdminRoutes(contact, web.adminShell()).register(config);
        new ContactRoutes(contact, articles, guard, web.frames(), web.templates()).register(config);
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.MESSAGES);
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(personalData);
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.contact");
    }
}
