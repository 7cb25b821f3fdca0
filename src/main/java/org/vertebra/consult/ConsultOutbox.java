package org.vertebra.consult;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.vertebra.language.MessageBundles;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.mail.Outbox;

/**
 * What patients and doctors are sent about consultations, with the links those mails carry (the
 * video room, the signed manage link); every part of the feature enqueues its mails here, inside
 * the transaction of the change they tell.
 */
final class ConsultOutbox {

    private final Outbox outbox;
    private final ManageLinks links;
    private final ConsultOptions options;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Supplier<String> sender;
    private final LongFunction<Optional<String>> accountAddress;
    private final MessageBundles texts;

    ConsultOutbox(Outbox outbox, ManageLinks links, ConsultOptions options, Supplier<String> siteTitle, String baseUrl,
                  Supplier<String> sender, LongFunction<Optional<String>> accountAddress, MessageBundles texts) {
        this.outbox = outbox;
        this.links = links;
        this.options = options;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.sender = sender;
        this.accountAddress = accountAddress;
        this.texts = texts;
    }

    void enqueue(OutgoingMail mail) {
        outbox.enqueue(mail);
    }

    ConsultMail mail() {
        return new ConsultMail(siteTitle.get(), baseUrl, sender.get(), texts::of);
    }

    DoctorNotice notice() {
        return new DoctorNotice(siteTitle.get(), baseUrl);
    }

    MorningAgenda morningAgenda() {
        return new MorningAgenda(siteTitle.get(), baseUrl);
    }

    String videoUrl(Booking booking) {
        return options.jitsiBaseUrl() + "/" + booking.room();
    }

    /** The patient's signed link to move or cancel the booking. */
    String manageUrl(Booking booking) {
        return links.url(booking);
    }

    /** The booking notice, and for an emergency-level warning sign its own urgent mail, in the booking's transaction. */
    void tellDoctorOfBooking(Doctor doctor, Booking made, RedFlag.Urgency urgency) {
        tellDoctor(doctor, null, to -> notice().booked(to, doctor, made, urgency));
        if (urgency.emergency()) {
            tellDoctor(doctor, null, to -> notice().emergency(to, doctor, made));
        }
    }

    /**
     * Enqueues a mail to the doctor's account, unless the doctor has none (a schedule no account
     * keeps yet) or is the one who made the change ({@code actingUserId}).
     */
    void tellDoctor(Doctor doctor, Long actingUserId, Function<String, OutgoingMail> mail) {
        doctorAddress(doctor).filter(to -> actingUserId == null || !actingUserId.equals(doctor.userId()))
                .ifPresent(to -> outbox.enqueue(mail.apply(to)));
    }

    /** Where the doctor's mail goes: the address of the account that keeps the schedule, if it may sign in. */
    Optional<String> doctorAddress(Doctor doctor) {
        return doctor.userId() == null ? Optional.empty() : accountAddress.apply(doctor.userId());
    }
}
