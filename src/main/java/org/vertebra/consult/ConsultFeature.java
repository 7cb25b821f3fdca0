package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.account.AccountService;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.PublishedArticles;
import org.vertebra.audit.AuditLog;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;
import org.vertebra.spam.FormGuard;

/**
 * Video consultations: the doctors' hours and desk, the bookings in the admin, the patient's
 * booking pages and JSON slots, and the reminders sent before a consultation.
 */
public final class ConsultFeature implements Feature {

    private final PersonalDataSource personalData;
    private final ReminderJob reminders;
    private final ConsultServices consult;
    private final AccountService accounts;
    private final PublishedArticles articles;
    private final FormGuard guard;
    private final AuditLog audit;

    public ConsultFeature(ConsultServices consult, AccountService accounts, PublishedArticles articles, FormGuard guard,
                          AuditLog audit) {
        this.personalData = PersonalDataSource.of("consultations", List.of("consult_bookings"), consult.jobs()::export,
                consult.jobs()::erase);
        this.reminders = new ReminderJob(consult.jobs());
        this.consult = consult;
        this.accounts = accounts;
        this.articles = articles;
        this.guard = guard;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "consult";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        // Before ConsultAdminRoutes, whose /admin/consult/{id}/ would otherwise take /admin/consult/doctors/.
        new DoctorAdminRoutes(consult.agenda(), accounts, web.adminShell()).register(config);
        new DoctorDeskRoutes(consult.agenda(), web.adminShell()).register(config);
        new ConsultAdminRoutes(consult.agenda(), web.adminShell(), web.clock(), audit).register(config);
        new ConsultRoutes(consult.bookings(), articles, guard, web.frames(), web.templates(), web.clock()).register(config);
        new ConsultApiRoutes(consult.bookings()).register(config);
    }

    /** Intake answers and notes past the retention period are erased (the job logs how many). */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("expired health data erased", consult.jobs()::eraseExpiredHealthData));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.CONSULTATIONS);
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.of(reminders::start, reminders::close));
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(personalData);
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.consult");
    }
}
