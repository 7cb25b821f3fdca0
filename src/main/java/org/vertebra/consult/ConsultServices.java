package org.vertebra.consult;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.Transactor;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;
import org.vertebra.mail.Outbox;
import org.vertebra.secret.HmacSigner;
import org.vertebra.spam.FormGuard;

/**
 * Video consultations' services, one for each who uses them: {@link PatientBookings} for the
 * patient's pages, manage link and the JSON API, {@link DoctorAgenda} for the doctor's and the
 * administrator's desk, {@link ConsultJobs} for reminders, retention, data rights and key rotation.
 * They share one repository, one outbox of consultation mails and one seal of health data.
 */
public record ConsultServices(PatientBookings bookings, DoctorAgenda agenda, ConsultJobs jobs) {

    /**
     * @param sender         the site's sender address (bare), the organizer of calendar invitations
     * @param accountAddress the mail address of an account (a doctor's), when it has one and may sign in
     * @param guard          the public forms' spam guard, which also keeps the hourly limit per address
     * @param texts          the interface text of each language: patients' mails and problems speak theirs
     * @param siteLanguage   the site's language: a booking's when it names none the site speaks
     */
    public static ConsultServices of(Jdbi jdbi, Transactor transactor, Outbox outbox, HealthDataCipher cipher, HmacSigner signer,
                                     ConsultOptions options, Supplier<String> siteTitle, String baseUrl, Clock clock,
                                     Supplier<String> sender, LongFunction<Optional<String>> accountAddress, FormGuard guard,
                                     MessageBundles texts, Supplier<Language> siteLanguage) {
        ConsultRepository repository = new ConsultRepository(jdbi);
        ManageLinks links = new ManageLinks(signer, baseUrl);
        ConsultOutbox mails = new ConsultOutbox(outbox, links, options, siteTitle, baseUrl, sender, accountAddress, texts);
        HealthDataSeal seal = new HealthDataSeal(cipher);
        DoctorSchedule schedule = new DoctorSchedule(transactor, repository, mails, clock);
        PatientBookings bookings = new PatientBookings(transactor, repository, schedule, mails, seal, links,
                new FormSubmissions(signer), options, clock, guard, texts, siteLanguage);
        DoctorAgenda agenda = new DoctorAgenda(transactor, repository, schedule, mails, seal, clock, texts, siteLanguage);
        return new ConsultServices(bookings, agenda, new ConsultJobs(transactor, repository, agenda, mails, seal, options, clock));
    }
}
