package org.vertebra.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.data.Transactor;
import org.vertebra.form.Problems;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.mail.Outbox;
import org.vertebra.module.PersonalDataSource;
import org.vertebra.secret.HmacSigner;
import org.vertebra.secret.SecretTokens;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * People's data rights: a person asks with their email address and gets a signed link, valid for
 * {@link #LINK_VALID}, to a page where they download everything the site holds under it as JSON or
 * have it erased. What is held comes from the {@link PersonalDataSource} each feature contributes; erasure runs
 * all of them in one transaction. The web page answers every address alike, so it tells no one
 * whether an address is known; only the mailbox's owner sees that.
 */
public final class PrivacyService {

    public static final String FORM = "my-data";
    public static final int PER_HOUR = 3;
    public static final Duration LINK_VALID = Duration.ofHours(24);
    static final int LIST_LIMIT = 200;
    /** This feature's own table: a request's address is cleared when the data is erased. */
    static final String OWN_TABLE = "privacy_requests";
    /**
     * Tables with an email column that are not about readers, and why. Staff accounts are managed
     * by an administrator on the Users page (disabling and removing them), not by this form.
     */
    public static final Map<String, String> NOT_ABOUT_READERS = Map.of(
            "users", "staff accounts, managed by an administrator on the Users page");

    private final PrivacyRequestRepository requests;
    private final Transactor transactor;
    private final Outbox outbox;
    private final FormGuard guard;
    private final HmacSigner signer;
    private final List<PersonalDataSource> sources;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Clock clock;

    /** The interface text of the site's language, for the mail with the link. */
    private final Supplier<org.vertebra.language.Messages> siteText;

    public PrivacyService(Jdbi jdbi, Transactor transactor, Outbox outbox, FormGuard guard, byte[] secret,
                          List<PersonalDataSource> sources, Supplier<String> siteTitle,
                          Supplier<org.vertebra.language.Messages> siteText, String baseUrl, Clock clock) {
        this.siteText = siteText;
        this.requests = new PrivacyRequestRepository(jdbi);
        this.transactor = transactor;
        this.outbox = outbox;
        this.guard = guard;
        this.signer = new HmacSigner(secret);
        this.sources = List.copyOf(sources);
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The features that hold something under a reader's address. */
    public List<PersonalDataSource> sources() {
        return sources;
    }

    /** Every table whose rows about a person are exported and erased. */
    public List<String> coveredTables() {
        List<String> tables = new ArrayList<>(List.of(OWN_TABLE));
        sources.forEach(s -> tables.addAll(s.tables()));
        return tables;
    }

    /**
     * Records a request and mails its link, when the spam guard accepts it; throws
     * {@link org.vertebra.form.Invalid} for an address that cannot be one.
     */
    public Verdict ask(String rawEmail, FormGuard.Submission submission) {
        Problems problems = new Problems();
        String email = problems.email("email", "Email address", rawEmail);
        problems.check();
        Verdict verdict = guard.check(submission);
        if (verdict.accepted()) {
            String address = email.toLowerCase(Locale.ROOT);
            transactor.run(() -> {
                guard.record(FORM, submission.address());
                long id = requests.add(address, SecretTokens.hash(address), clock.instant());
                outbox.enqueue(mail(address, link(id)));
            });
        }
        return verdict;
    }

    /** The request this link opens: signed by this site, not expired, its data not yet erased. */
    public Optional<PrivacyRequest> open(long id, String token) {
        if (token == null || !token.matches("\\d{1,12}\\.[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        long expires = Long.parseLong(parts[0]);
        if (!signer.verifies(purpose(id, expires), parts[1]) || clock.instant().getEpochSecond() > expires) {
            return Optional.empty();
        }
        return requests.find(id).filter(r -> r.email() != null);
    }

    /** How many things each source holds under the request's address, for the page that offers export and erasure. */
    public Map<String, Integer> summary(PrivacyRequest request) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sources.forEach(s -> counts.put(s.name(), size(s.export(request.email()))));
        return counts;
    }

    /** Everything held under the request's address, for a JSON file; notes that it was exported. */
    public Map<String, Object> export(PrivacyRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", request.email());
        data.put("exported_at", clock.instant().toString());
        data.put("site", baseUrl);
        Map<String, Object> held = new LinkedHashMap<>();
        sources.forEach(s -> held.put(s.name(), s.export(request.email())));
        data.put("data", held);
        requests.markExported(request.id(), clock.instant());
        return data;
    }

    /** Erases everything held under the request's address, and the address of every request for it, in one transaction. */
    public int erase(PrivacyRequest request) {
        return transactor.inTransaction(() -> {
            int rows = 0;
            for (PersonalDataSource source : sources) {
                rows += source.erase(request.email());
            }
            requests.markErased(request.id(), request.emailHash(), rows, clock.instant());
            return rows;
        });
    }

    public List<PrivacyRequest> recent() {
        return requests.newest(LIST_LIMIT);
    }

    String link(long id) {
        long expires = clock.instant().plus(LINK_VALID).getEpochSecond();
        return baseUrl + "/privacy/my-data/" + id + "/?token=" + expires + "." + signer.sign(purpose(id, expires));
    }

    private static String purpose(long id, long expires) {
        return "my-data:" + id + ":" + expires;
    }

    private static int size(Object exported) {
        if (exported instanceof java.util.Collection<?> c) {
            return c.size();
        }
        if (exported instanceof Map<?, ?> m) {
            return m.isEmpty() ? 0 : 1;
        }
        return exported == null ? 0 : 1;
    }

    /** The mail with the link to a person's data, in the site's language. */
    private OutgoingMail mail(String email, String link) {
        String site = siteTitle.get();
        org.vertebra.language.Messages words = siteText.get();
        String text = words.format("privacy.mail.asked", site) + "\n\n"
                + words.get("privacy.mail.open") + "\n" + link + "\n\n"
                + words.format("privacy.mail.works", LINK_VALID.toHours()) + "\n";
        return OutgoingMail.plain("privacy-request", email, words.format("privacy.mail.subject", site), text);
    }
}
