package org.vertebra.consult;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.account.AccountService;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.PublishedArticles;
import org.vertebra.audit.AuditLog;
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
    private final DoctorAdminRoutes doctors;
    private final DoctorDeskRoutes doctorDesk;
    private final ConsultAdminRoutes admin;
    private final ConsultRoutes booking;
    private final ConsultApiRoutes api;

    public ConsultFeature(ConsultServices consult, AccountService accounts, PublishedArticles articles, FormGuard guard,
                          AuditLog audit, WebParts web) {
        this.personalData = PersonalDataSource.of("consultations", List.of("consult_bookings"), consult.jobs()::export,
                consult.jobs()::erase);
        this.reminders = new ReminderJob(consult.jobs());
        this.doctors = new DoctorAdminRoutes(consult.agenda(), accounts, web.adminShell());
        this.doctorDesk = new DoctorDeskRoutes(consult.agenda(), web.adminShell());
        this.admin = new ConsultAdminRoutes(consult.agenda(), web.adminShell(), web.clock(), audit);
        this.booking = new ConsultRoutes(consult.bookings(), articles, guard, web.frames(), web.templates(), web.clock());
        this.api = new ConsultApiRoutes(consult.bookings());
    }

    @Override
    public String name() {
        return "consult";
    }

    @Override
    public void routes(RoutesConfig routes) {
        // Before ConsultAdminRoutes, whose /admin/consult/{id}/ would otherwise take /admin/consult/doctors/.
        doctors.register(routes);
        doctorDesk.register(routes);
        admin.register(routes);
        booking.register(routes);
        api.register(routes);
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
