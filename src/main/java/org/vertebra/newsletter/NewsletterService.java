package org.vertebra.newsletter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.article.ArticleCard;
import org.vertebra.article.PublishedArticles;
import org.vertebra.data.JobLeases;
import org.vertebra.data.Transactor;
import org.vertebra.form.Problems;
import org.vertebra.mail.MailTemplate;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.mail.Outbox;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * The newsletter: double opt-in (a confirmation link that works once and for {@link #CONFIRM_VALID}),
 * one-click unsubscribe, the digest of new articles, and the list as CSV. Every change is one
 * transaction with the mail it causes, except the digest, whose mails go to the outbox in batches
 * after it is recorded ({@link #queueDigestBatch}), so that sending it to 100,000 subscribers
 * neither holds the request that asked for it nor locks the database for long; the outbox stores
 * the digest once and each subscriber's row only their unsubscribe link.
 */
public final class NewsletterService {

    public static final String FORM = "newsletter";
    public static final Duration CONFIRM_VALID = Duration.ofHours(48);
    /** A pending address asking again within this time gets no second mail (someone may be typing another's address). */
    public static final Duration RESEND_AFTER = Duration.ofMinutes(10);
    public static final Duration DIGEST_EVERY = Duration.ofDays(7);
    /** Subscriptions from one network address per hour. */
    public static final int PER_HOUR = 5;
    private static final org.vertebra.layout.Noun ARTICLE = new org.vertebra.layout.Noun("article", "articles");
    static final org.vertebra.layout.Noun SUBSCRIBER = new org.vertebra.layout.Noun("subscriber", "subscribers");
    static final int DIGEST_MAX_ARTICLES = 30;
    /** Mails written to the outbox per transaction: short enough that page writes on SQLite barely wait. */
    static final int DIGEST_BATCH = 500;
    /** Addresses an import reads per transaction, and subscribers the export reads per query. */
    static final int CSV_BATCH = 1000;
    static final String QUEUE_JOB = "newsletter-digest-queue";
    /** How long a node holds the digest queue after its last batch before another may take it over. */
    static final Duration QUEUE_LEASE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(NewsletterService.class);

    public enum Confirmation { CONFIRMED, USED_OR_UNKNOWN, EXPIRED }

    public enum Unsubscription { UNSUBSCRIBED, ALREADY, UNKNOWN }

    /** What a digest run did: sent to so many, or why nothing was sent. */
    public record DigestResult(int articles, int recipients, String message) {
        public boolean sent() {
            return recipients > 0;
        }
    }

    /**
     * What an import did: addresses added, changed (pending to confirmed, or to unsubscribed), found
     * as they were, and given again further down the file; and the bad lines, each left out
     * (the first {@link SubscriberImport#PROBLEMS_LISTED} named in {@code problems}).
     */
    public record ImportResult(int added, int changed, int unchanged, int repeated, int badLines, List<String> problems) {

        public ImportResult {
            problems = List.copyOf(problems);
        }

        public boolean importedAny() {
            return added + changed + unchanged + repeated > 0;
        }
    }

    /**
     * The admin's overview: the list by status, the last digest (and how many of its mails are in
     * the outbox yet) and what the next would hold.
     */
    public record Overview(long pending, long confirmed, long unsubscribed, Instant lastDigestAt, int lastDigestRecipients,
                           int lastDigestQueued, boolean lastDigestQueuing, Instant nextPeriodStart, int newArticles) {
    }

    /** One page of the admin's list, with the counts by status and, for a search, how many match. */
    public record SubscriberPage(List<Subscriber> subscribers, SubscriberFilter filter, Map<String, Long> counts,
                                 Long newerThan, Long olderThan, int matches) {

        /** Every subscriber of the filter's status (or of all), whatever the search. */
        public long inStatus() {
            return filter.status() == null ? counts.values().stream().mapToLong(Long::longValue).sum()
                    : counts.getOrDefault(filter.status(), 0L);
        }

        public long count(String status) {
            return counts.getOrDefault(status, 0L);
        }

        public boolean moreMatches() {
            return matches > SubscriberRepository.MATCHES_COUNTED;
        }
    }

    public static final int PAGE_SIZE = 50;

    private final SubscriberRepository repository;
    private final Transactor transactor;
    private final Outbox outbox;
    private final FormGuard guard;
    private final PublishedArticles articles;
    private final NewsletterTokens tokens;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Clock clock;
    private final JobLeases leases;
    private volatile Runnable onDigestRecorded = () -> { };
    /** The digest being queued, built once for all its batches. */
    private volatile Map.Entry<Long, MailTemplate> queuedDigest;

    /** The interface text of the site's language, for the confirmation mail. */
    private final Supplier<org.vertebra.language.Messages> siteText;

    public NewsletterService(Jdbi jdbi, Transactor transactor, Outbox outbox, FormGuard guard, PublishedArticles articles,
                             JobLeases leases, byte[] secret, Supplier<String> siteTitle,
                             Supplier<org.vertebra.language.Messages> siteText, String baseUrl, Clock clock) {
        this.siteText = siteText;
        this.leases = leases;
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
     * Asks for a subscription from a network address, with the form's ticket and hidden field:
     * throws {@link org.vertebra.form.Invalid} for a bad address, returns the spam guard's verdict
     * (ticket, hidden field, {@link #PER_HOUR} per address, block list) otherwise. When accepted, a new or pending address gets a
     * confirmation mail (at most one per {@link #RESEND_AFTER}); a confirmed one gets nothing, and
     * the caller answers every case alike, so the form tells no one who is on the list.
     */
    public Verdict subscribe(String rawEmail, String address, String ticket, String honeypot) {
        Problems problems = new Problems();
        String email = problems.email("email", "Email address", rawEmail);
        problems.check();
        FormGuard.Submission submission = new FormGuard.Submission(FORM, address, ticket, honeypot, PER_HOUR, List.of(email));
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

    /**
     * What confirming with this link would do, without doing it (CONFIRMED: the button would
     * confirm): the page behind the link asks first.
     */
    public Confirmation confirmable(String token) {
        if (token == null || token.isBlank()) {
            return Confirmation.USED_OR_UNKNOWN;
        }
        Optional<Subscriber> subscriber = repository.byConfirmHash(NewsletterTokens.hash(token));
        if (subscriber.isEmpty()) {
            return Confirmation.USED_OR_UNKNOWN;
        }
        return clock.instant().isBefore(repository.confirmExpiry(subscriber.get().id()).orElse(Instant.MIN))
                ? Confirmation.CONFIRMED : Confirmation.EXPIRED;
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
     * Records the digest of the articles published since the last one (the last {@link #DIGEST_EVERY}
     * for the first) for every confirmed subscriber, and returns at once: its mails go to the outbox
     * in batches afterwards ({@link #queueDigestBatch}, which a background thread runs). Nothing
     * new, or nobody confirmed: nothing is recorded, and the result says why.
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
            int recipients = (int) (long) repository.counts().getOrDefault(Subscriber.CONFIRMED, 0L);
            if (recipients == 0) {
                return new DigestResult(fresh.size(), 0, "Nobody has confirmed a subscription yet, so nothing was sent.");
            }
            String ids = fresh.stream().map(a -> Long.toString(a.id())).collect(Collectors.joining(","));
            if (repository.recordDigest(last.map(SubscriberRepository.DigestRecord::id).orElse(0L), since, now, ids,
                    recipients, now) == 0) {
                return new DigestResult(fresh.size(), 0, "Another server has just sent this digest.");
            }
            return new DigestResult(fresh.size(), recipients, "The digest of " + ARTICLE.count(fresh.size())
                    + " will be sent to " + SUBSCRIBER.count(recipients)
                    + ": its mails go to the outbox in the background, and out at the mail server's pace.");
        });
        if (result.sent()) {
            LOG.info("newsletter digest: {} to {}, queued in the background", ARTICLE.count(result.articles()), SUBSCRIBER.count(result.recipients()));
            onDigestRecorded.run();
        }
        return result;
    }

    /** Called after a digest is recorded (the queue in this process wakes up). */
    public void onDigestRecorded(Runnable listener) {
        this.onDigestRecorded = listener;
    }

    /**
     * Writes the next {@link #DIGEST_BATCH} mails of the oldest digest still being queued to the
     * outbox, in one transaction with the digest's cursor; returns false when there is nothing to
     * queue, or another node holds the queue. The cursor moves only from where this node read it,
     * so a batch two nodes build at once is written once: the second's transaction finds the cursor
     * moved and rolls back. The job lease keeps the other nodes from building batches in vain.
     */
    public boolean queueDigestBatch() {
        if (!leases.claim(QUEUE_JOB, QUEUE_LEASE)) {
            return false;
        }
        Optional<SubscriberRepository.DigestRecord> waiting = repository.digestBeingQueued();
        if (waiting.isEmpty()) {
            leases.release(QUEUE_JOB);
            return false;
        }
        SubscriberRepository.DigestRecord record = waiting.get();
        List<Subscriber> batch = repository.confirmedAfter(record.enqueuedThrough(), DIGEST_BATCH);
        if (batch.isEmpty()) {
            repository.finishDigest(record.id(), clock.instant());
            LOG.info("newsletter digest {}: all {} mails are in the outbox", record.id(), record.enqueued());
            return true;
        }
        MailTemplate digest = digestOf(record);
        List<MailTemplate.Recipient> recipients = batch.stream().map(s -> Digest.recipient(s.email(), unsubscribeUrl(s))).toList();
        long through = batch.get(batch.size() - 1).id();
        transactor.run(() -> {
            if (repository.advanceDigest(record.id(), record.enqueuedThrough(), through, recipients.size())) {
                outbox.enqueueAll(digest, recipients);
            }
        });
        return true;
    }

    /** Queues every digest's mails now, batch after batch; for tests and commands, where no background thread runs. */
    public void queueDigests() {
        while (queueDigestBatch()) {
            // the next batch
        }
    }

    /** The digest's mail, with a key of its own: its batches, whichever node writes them, share one body in the outbox. */
    private MailTemplate digestOf(SubscriberRepository.DigestRecord record) {
        Map.Entry<Long, MailTemplate> cached = queuedDigest;
        if (cached != null && cached.getKey() == record.id()) {
            return cached.getValue();
        }
        Set<Long> ids = java.util.Arrays.stream(record.articleIds().split(",")).map(Long::valueOf).collect(Collectors.toSet());
        // Articles unpublished since the digest was recorded drop out; the order stays oldest first.
        List<ArticleCard> cards = articles.publishedSince(record.periodStart(), DIGEST_MAX_ARTICLES * 4).stream()
                .filter(a -> ids.contains(a.id())).toList();
        MailTemplate digest = new Digest(siteTitle.get(), baseUrl, cards, siteText.get()).template(Digest.KIND + "-" + record.id());
        queuedDigest = Map.entry(record.id(), digest);
        return digest;
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
        Map<String, Long> counts = repository.counts();
        Optional<SubscriberRepository.DigestRecord> last = repository.lastDigest();
        Instant since = last.map(SubscriberRepository.DigestRecord::periodEnd).orElse(clock.instant().minus(DIGEST_EVERY));
        return new Overview(counts.getOrDefault(Subscriber.PENDING, 0L), counts.getOrDefault(Subscriber.CONFIRMED, 0L),
                counts.getOrDefault(Subscriber.UNSUBSCRIBED, 0L), last.map(SubscriberRepository.DigestRecord::sentAt).orElse(null),
                last.map(SubscriberRepository.DigestRecord::recipients).orElse(0),
                last.map(SubscriberRepository.DigestRecord::enqueued).orElse(0),
                last.map(d -> d.enqueuedAt() == null).orElse(false), since,
                articles.publishedSince(since, DIGEST_MAX_ARTICLES).size());
    }

    /**
     * One page of the list, newest first, older than {@code before} or (with {@code after}) newer
     * than it, with the counts by status (kept, not counted) and how many match a search.
     */
    public SubscriberPage subscribers(SubscriberFilter filter, Long before, Long after) {
        List<Subscriber> rows = repository.page(filter, before, after, PAGE_SIZE);
        Long newer = !rows.isEmpty() && repository.anyBeyond(filter, rows.get(0).id(), true) ? rows.get(0).id() : null;
        Long older = !rows.isEmpty() && repository.anyBeyond(filter, rows.get(rows.size() - 1).id(), false)
                ? rows.get(rows.size() - 1).id() : null;
        int matches = filter.search() == null ? -1 : repository.countMatching(filter);
        return new SubscriberPage(rows, filter, repository.counts(), newer, older, matches);
    }

    /** Writes the list as CSV, {@link #CSV_BATCH} subscribers a query, so the list is never all in memory. */
    public void exportCsv(Writer out) throws IOException {
        SubscriberCsv.writeHeader(out);
        String after = "";
        List<Subscriber> batch;
        do {
            batch = repository.byEmailAfter(after, CSV_BATCH);
            for (Subscriber s : batch) {
                SubscriberCsv.write(out, s);
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).email();
        } while (batch.size() == CSV_BATCH);
        out.flush();
    }

    public String exportCsv() {
        StringWriter csv = new StringWriter();
        try {
            exportCsv(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    public ImportResult importCsv(String csv) {
        try {
            return importCsv(new StringReader(csv == null ? "" : csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports {@code email[,status]} lines as they are read, {@link #CSV_BATCH} addresses a
     * transaction, bad lines left out and reported by number; see {@link SubscriberImport}.
     */
    public ImportResult importCsv(Reader csv) throws IOException {
        return new SubscriberImport(repository, transactor, clock.instant()).read(csv);
    }

    /** The mail that asks to confirm a subscription, in the site's language. */
    private OutgoingMail confirmationMail(String email, String link) {
        String site = siteTitle.get();
        org.vertebra.language.Messages words = siteText.get();
        long hours = CONFIRM_VALID.toHours();
        String text = words.format("newsletter.mail.asked", site) + "\n\n"
                + words.format("newsletter.mail.open", hours) + "\n"
                + link + "\n\n"
                + words.get("newsletter.mail.ignore") + "\n";
        String html = "<!DOCTYPE html><html lang=\"" + words.lang().tag() + "\"><head><meta charset=\"utf-8\"><title>"
                + org.vertebra.web.Html.escape(words.get("newsletter.confirm.title")) + "</title></head>"
                + "<body style=\"font-family: sans-serif; line-height: 1.5\"><p>"
                + org.vertebra.web.Html.escape(words.format("newsletter.mail.asked", site)) + "</p><p><a href=\"" + org.vertebra.web.Html.escape(link) + "\">"
                + org.vertebra.web.Html.escape(words.get("newsletter.confirm.button")) + "</a> "
                + org.vertebra.web.Html.escape(words.format("newsletter.mail.works", hours)) + "</p><p>"
                + org.vertebra.web.Html.escape(words.get("newsletter.mail.ignore")) + "</p></body></html>";
        // The list's id, as on its digests: the confirmation is the list's first mail.
        return new OutgoingMail("newsletter-confirm", email, words.format("newsletter.mail.subject", site), text, html,
                Map.of("List-Id", Digest.listId(site, baseUrl)));
    }
}
