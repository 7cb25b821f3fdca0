package org.vertebra.reading;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.module.WebParts;

/** Reading lists a clinician prescribes to a patient: the admin's pages and the patient's signed link. */
public final class ReadingFeature implements Feature {

    private final PersonalDataSource personalData;
    private final ReadingService reading;
    private final PatientAddresses patients;

    /** @param patients the address of a consultation's patient, where the clinician may see it */
    public ReadingFeature(ReadingService reading, PatientAddresses patients) {
        this.personalData = PersonalDataSource.of("reading_lists", List.of("reading_lists", "reading_list_articles"), reading::export,
                reading::erase);
        this.reading = reading;
        this.patients = patients;
    }

    @Override
    public String name() {
        return "reading";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new ReadingAdminRoutes(reading, patients, web.adminShell()).register(config);
        new ReadingRoutes(reading, web.templates(), web.frames()::siteTitle).register(config);
    }

    /** Lists whose link has expired are deleted (each on the audit log). */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("expired reading lists deleted", reading::purgeExpired));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.READING);
    }

    @Override
    public List<PersonalDataSource> personalData() {
        return List.of(personalData);
    }

    @Override
    public List<String> heldData() {
        return List.of("policy.held.reading");
    }
}
