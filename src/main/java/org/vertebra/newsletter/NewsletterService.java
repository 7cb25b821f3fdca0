package org.vertebra.newsletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.article.ArticleCard;
import org.vertebra.article.ArticleService;
import org.vertebra.data.Transactor;
import org.vertebra.form.Problems;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.mail.Outbox;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * The newsletter: double opt-in (a confirmation link that works once and for {@link #CONFIRM_VALID}),
 * one-click unsubscribe, the digest of new articles, and the list as CSV. Every change is one
 * transaction with the mail it causes.
 */
public final class NewsletterService {

    public static final String FORM = "newsletter";
    public static final Duration CONFIRM_VALID = Duration.ofHours(48);
    /** A pending address asking again within this time gets no second mail (someone may be typing another's address). */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(10);
    public static final Duration DIGEST_EVERY = Duration.ofDays(7);
    /** Subscriptions from one network address per hour. */
    public static final int PER_HOUR = 5;
    static final int DIGEST_MAX_ARTICLES = 30;
    private static final Logger LOG = LoggerFactory.getLogger(NewsletterService.class);

    public enum Confirmation { CONFIRMED, USED_OR_UNKNOWN, EXPIRED }

    public enum Unsubscription { UNSUBSCRIBED, ALREADY, UNKNOWN }

    /** What a digest run did: sent to so many, or why nothing was sent. */
    public record DigestResult(int articles, int recipients, String message) {
        public boolean sent() {
            return recipients > 0;
        }
    }

    public record ImportResult(int added, int changed, int unchanged) {
    }

    /** The admin's overview: the list by status, the last digest and what the next would hold. */
    public record Overview(int pending, int confirmed, int unsubscribed, Instant lastDigestAt, int lastDigestRecipients,
                           Instant nextPeriodStart, int newArticles) {
    }

    private final SubscriberRepository repository;
    private final Transactor transactor;
    private final Outbox outbox;
    private final FormGuard guard;
    private final ArticleService articles;
    private final NewsletterTokens tokens;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Clock clock;

    public NewsletterService(Jdbi jdbi, Transactor transactor, Outbox outbox, FormGuard guard, ArticleService articles,
                             byte[] secret, Supplier<String> siteTitle, String baseUrl, Clock clock) {
        this.repository = new SubscriberRepository(jdbi);
        this.transactor = transactor;
        this.outbox = outbox;
        this.guard = guard;
        this.articles = articles;
        this.tokens = new NewsletterTokens(secret);
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Asks for a subscription: throws {@link org.vertebra.form.Invalid} for a bad address, returns
     * the spam guard's verdict otherwise. When accepted, a new or pending address gets a
     * confirmation mail (at most one per {@link #RESEND_AFTER}); a confirmed one gets nothing, and
     * the caller answers every case alike, so the form tells no one who is on the list.
     */
    public Verdict subscribe(String rawEmail, FormGuard.Submission submission) {
        Problems problems = new Problems();
        String email = problems.email("email", "Email address", rawEmail);
        problems.check();
        Verdict verdict = guard.check(submission);
        if (verdict.accepted()) {
            transactor.run(() -> {
                guard.record(FORM, submission.address());
                request(email.toLowerCase(java.util.Locale.ROOT));
            });
        }
        return verdict;
    }

    private void request(String email) {
        Instant now = clock.instant();
        Optional<Subscriber> existing = repository.byEmail(email);
        if (existing.isPresent() && (existing.get().confirmed() || existing.get().confirmSentAt() != null
                && now.isBefore(existing.get().confirmSentAt().plus(RESEND_AFTER)))) {
            return;
        }
        long id = existing.map(Subscriber::id)
                .orElseGet(() -> repository.insert(email, Subscriber.PENDING, "form", NewsletterTokens.random(), now));
        String token = NewsletterTokens.random();
        repository.awaitConfirmation(id, NewsletterTokens.hash(token), now.plus(CONFIRM_VALID), now);
        outbox.enqueue(confirmationMail(email, baseUrl + "/newsletter/confirm/?token=" + token));
    }

    /** Confirms the address whose link this is; the link then stops working. */
    public Confirmation confirm(String token) {
        if (token == null || token.isBlank()) {
            return Confirmation.USED_OR_UNKNOWN;
        }
        return transactor.inTransaction(() -> {
            Optional<Subscriber> subscriber = repository.byConfirmHash(NewsletterTokens.hash(token));
            if (subscriber.isEmpty()) {
                return Confirmation.USED_OR_UNKNOWN;
            }
            Instant expires = repository.confirmExpiry(subscriber.get().id()).orElse(Instant.MIN);
            if (!clock.instant().isBefore(expires)) {
                return Confirmation.EXPIRED;
            }
            repository.confirm(subscriber.get().id(), clock.instant());
            return Confirmation.CONFIRMED;
        });
    }

    /** The subscriber an unsubscribe link names, when the link is genuine. */
    public Optional<Subscriber> unsubscribeTarget(String token) {
        long id = NewsletterTokens.idOf(token);
        return id < 0 ? Optional.empty() : repository.byId(id).filter(s -> tokens.verifies(token, s));
    }

    public Unsubscription unsubscribe(String token) {
        return transactor.inTransaction(() -> {
            Optional<Subscriber> subscriber = unsubscribeTarget(token);
            if (subscriber.isEmpty()) {
                return Unsubscription.UNKNOWN;
            }
            if (Subscriber.UNSUBSCRIBED.equals(subscriber.get().status())) {
                return Unsubscription.ALREADY;
            }
            repository.unsubscribe(subscriber.get().id(), clock.instant());
            return Unsubscription.UNSUBSCRIBED;
        });
    }

    /** The address of a subscriber's one-click unsubscribe link. */
    public String unsubscribeUrl(Subscriber subscriber) {
        return baseUrl + "/newsletter/unsubscribe/?token=" + tokens.unsubscribe(subscriber);
    }

    /**
     * Sends the articles published since the last digest (the last {@link #DIGEST_EVERY} for the
     * first) to every confirmed subscriber, and records the digest, in one transaction. Nothing
     * new, or nobody confirmed: nothing is sent or recorded, and the result says why.
     */
    public DigestResult sendDigest() {
        DigestResult result = transactor.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<SubscriberRepository.DigestRecord> last = repository.lastDigest();
            Instant since = last.map(SubscriberRepository.DigestRecord::periodEnd).orElse(now.minus(DIGEST_EVERY));
            List<ArticleCard> fresh = articles.publishedSince(since, DIGEST_MAX_ARTICLES);
            if (fresh.isEmpty()) {
                return new DigestResult(0, 0, "No article was published since the last digest, so nothing was sent.");
            }
            List<Subscriber> recipients = repository.withStatus(Subscriber.CONFIRMED);
            if (recipients.isEmpty()) {
                return new DigestResult(fresh.size(), 0, "Nobody has confirmed a subscription yet, so nothing was sent.");
            }
            String ids = fresh.stream().map(a -> Long.toString(a.id())).collect(Collectors.joining(","));
            if (repository.recordDigest(last.map(SubscriberRepository.DigestRecord::id).orElse(0L), since, now, ids,
                    recipients.size(), now) == 0) {
                return new DigestResult(fresh.size(), 0, "Another server has just sent this digest.");
            }
            Digest digest = new Digest(siteTitle.get(), baseUrl, fresh);
            recipients.forEach(s -> outbox.enqueue(digest.mailTo(s.email(), unsubscribeUrl(s))));
            return new DigestResult(fresh.size(), recipients.size(), "The digest of " + fresh.size()
                    + (fresh.size() == 1 ? " article" : " articles") + " is on its way to " + recipients.size()
                    + (recipients.size() == 1 ? " subscriber." : " subscribers."));
        });
        if (result.sent()) {
            LOG.info("newsletter digest: {} articles to {} subscribers", result.articles(), result.recipients());
        }
        return result;
    }

    /** The weekly digest, when a week has passed since the last one; housekeeping calls it hourly. */
    public Optional<DigestResult> sendDigestIfDue() {
        Optional<Instant> last = repository.lastDigest().map(SubscriberRepository.DigestRecord::sentAt);
        if (last.isPresent() && clock.instant().isBefore(last.get().plus(DIGEST_EVERY))) {
            return Optional.empty();
        }
        return Optional.of(sendDigest());
    }

    /** The address's subscription, for its owner's data export (privacy/); empty when there is none. */
    public Map<String, Object> exportPersonalData(String email) {
        return repository.byEmail(email.toLowerCase(java.util.Locale.ROOT)).map(s -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("email", s.email());
            row.put("status", s.status());
            row.put("source", s.source());
            row.put("asked_at", s.createdAt().toString());
            row.put("confirmed_at", s.confirmedAt() == null ? null : s.confirmedAt().toString());
            row.put("unsubscribed_at", s.unsubscribedAt() == null ? null : s.unsubscribedAt().toString());
            return row;
        }).orElse(Map.of());
    }

    /** Deletes the address's subscription (privacy/); unlike unsubscribing, nothing of it is kept. */
    public int erasePersonalData(String email) {
        return repository.delete(email.toLowerCase(java.util.Locale.ROOT));
    }

    public Overview overview() {
        Map<String, Integer> counts = repository.countsByStatus();
        Optional<SubscriberRepository.DigestRecord> last = repository.lastDigest();
        Instant since = last.map(SubscriberRepository.DigestRecord::periodEnd).orElse(clock.instant().minus(DIGEST_EVERY));
        return new Overview(counts.getOrDefault(Subscriber.PENDING, 0), counts.getOrDefault(Subscriber.CONFIRMED, 0),
                counts.getOrDefault(Subscriber.UNSUBSCRIBED, 0), last.map(SubscriberRepository.DigestRecord::sentAt).orElse(null),
                last.map(SubscriberRepository.DigestRecord::recipients).orElse(0), since,
                articles.publishedSince(since, DIGEST_MAX_ARTICLES).size());
    }

    public String exportCsv() {
        return SubscriberCsv.write(repository.all());
    }

    /**
     * Imports {@code email[,status]} lines in one transaction, or none of them when any line is bad
     * ({@link org.vertebra.form.Invalid} lists each by number). No mail is sent. A new address takes
     * the status the CSV gives (pending when none: it then gets mail only after subscribing through the
     * form); an address already here changes only from pending to confirmed, or to unsubscribed,
     * so an import never re-subscribes someone who left.
     */
    public ImportResult importCsv(String csv) {
        List<SubscriberCsv.Row> rows = SubscriberCsv.read(csv);
        return transactor.inTransaction(() -> {
            int added = 0;
            int changed = 0;
            Instant now = clock.instant();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (SubscriberCsv.Row row : rows) {
                if (!seen.add(row.email())) {
                    continue;
                }
                Optional<Subscriber> existing = repository.byEmail(row.email());
                if (existing.isEmpty()) {
                    repository.insert(row.email(), row.status(), "import", NewsletterTokens.random(), now);
                    added++;
                } else if (Subscriber.UNSUBSCRIBED.equals(row.status()) && !Subscriber.UNSUBSCRIBED.equals(existing.get().status())) {
                    repository.unsubscribe(existing.get().id(), now);
                    changed++;
                } else if (Subscriber.CONFIRMED.equals(row.status()) && Subscriber.PENDING.equals(existing.get().status())) {
                    repository.confirm(existing.get().id(), now);
                    changed++;
                }
            }
            return new ImportResult(added, changed, seen.size() - added - changed);
        });
    }

    private OutgoingMail confirmationMail(String email, String link) {
        String site = siteTitle.get();
        String text = "Someone, most likely you, asked to receive the newsletter of " + site + " at this address.\n\n"
                + "To confirm, open this link within " + CONFIRM_VALID.toHours() + " hours:\n" + link + "\n\n"
                + "If it was not you, ignore this email: nothing more will be sent unless the link is opened.\n";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Confirm your subscription</title></head>"
                + "<body style=\"font-family: sans-serif; line-height: 1.5\"><p>Someone, most likely you, asked to receive the newsletter of "
                + Digest.escape(site) + " at this address.</p><p><a href=\"" + Digest.escape(link) + "\">Confirm my subscription</a> "
                + "(the link works for " + CONFIRM_VALID.toHours() + " hours).</p><p>If it was not you, ignore this email: "
                + "nothing more will be sent unless the link is opened.</p></body></html>";
        return new OutgoingMail("newsletter-confirm", email, "Please confirm your subscription to " + site, text, html, Map.of());
    }
}
