package org.vertebra.contact;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.Transactor;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.mail.Outbox;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * The contact form's messages: each is stored and mailed to the site's address (Reply-To the
 * sender) in one transaction, after the spam guard accepts it; the admin lists and marks them read.
 */
public final class ContactService {

    public static final String FORM = "contact";
    /** Messages from one network address per hour. */
    public static final int PER_HOUR = 5;
    static final int LIST_LIMIT = 200;

    private final ContactRepository repository;
    private final Transactor transactor;
    private final Outbox outbox;
    private final FormGuard guard;
    /** Where messages go, as the mail settings say now (an administrator may change it while the site runs). */
    private final java.util.function.Supplier<String> siteAddress;
    private final String baseUrl;
    private final Clock clock;

    public ContactService(Jdbi jdbi, Transactor transactor, Outbox outbox, FormGuard guard, java.util.function.Supplier<String> siteAddress,
                          String baseUrl, Clock clock) {
        this.repository = new ContactRepository(jdbi);
        this.transactor = transactor;
        this.outbox = outbox;
        this.guard = guard;
        this.siteAddress = siteAddress;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Checks the message (every field, their lengths), then asks the spam guard (ticket, hidden
     * field, hourly limit, block list), and stores and mails it when accepted; a message taken for
     * spam is dropped unseen.
     *
     * @throws org.vertebra.form.Invalid with every problem of the message
     */
    public Verdict send(ContactForm.Sent sent, String address, String ticket, String honeypot) {
        ContactForm form = ContactForm.parse(sent.topic(), sent.name(), sent.email(), sent.message());
        Verdict verdict = guard.check(new FormGuard.Submission(FORM, address, ticket, honeypot, PER_HOUR,
                List.of(form.name(), form.email(), form.message())));
        if (verdict.accepted()) {
            transactor.run(() -> {
                guard.record(FORM, address);
                long id = repository.add(form, guard.hash(address), clock.instant());
                outbox.enqueue(mail(id, form));
            });
        }
        return verdict;
    }

    /** The newest messages first. */
    public List<ContactMessage> recent() {
        return repository.newest(LIST_LIMIT);
    }

    /** A person's messages, for their data export (privacy/). */
    public List<Map<String, Object>> exportPersonalData(String email) {
        return repository.exportByEmail(email);
    }

    /** Deletes a person's messages (privacy/). */
    public int erasePersonalData(String email) {
        return repository.deleteByEmail(email);
    }

    public int unread() {
        return repository.countUnread();
    }

    /** Marks a message read; false when there is no such message. */
    public boolean markRead(long id) {
        return repository.markRead(id, clock.instant()) == 1;
    }

    private OutgoingMail mail(long id, ContactForm form) {
        String text = form.topic().label() + " from " + form.name() + " <" + form.email() + ">\n\n" + form.message()
                + "\n\n--\nSent with the contact form. Reply to this email to answer " + form.name() + ".\n"
                + "All messages: " + baseUrl + "/admin/messages/#message-" + id + "\n";
        return new OutgoingMail("contact", siteAddress.get(), "[Contact] " + form.topic().label() + ": " + form.name(), text, null,
                Map.of("Reply-To", "\"" + form.name().replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\" <" + form.email() + ">"));
    }
}
