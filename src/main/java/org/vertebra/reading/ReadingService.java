package org.vertebra.reading;

import org.vertebra.settings.ReadingExpiry;
import java.text.Collator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleQuery;
import org.vertebra.article.PublishedArticles;
import org.vertebra.audit.Actor;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.AuditObject;
import org.vertebra.content.Slugs;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.mail.Addresses;
import org.vertebra.mail.Outbox;
import org.vertebra.secret.HmacSigner;
import org.vertebra.secret.SecretTokens;
import org.vertebra.secret.Sealer;

/**
 * Prescribed reading: a doctor sends a patient a list of published articles with a note; the
 * patient opens it through a signed link until it expires, and may delete it. The patient's
 * address and the note are sealed under the health data key (a list about a condition reveals
 * it). Sending, every deletion and the purge of expired lists are on the audit log, each in the
 * transaction that does it; opening is not (the list itself keeps the first opening, and a log
 * of a patient's visits would be more data about them, not less).
 */
public final class ReadingService {

    /** The mail's kind in the outbox. */
    public static final String MAIL = "reading-list";
    /** The most articles the picker offers: a clinic's whole library, on any site this serves. */
    static final int PICKER_LIMIT = 1000;
    static final int ADMIN_LIST_LIMIT = 500;
    static final String EMAIL_PURPOSE = "reading-email";
    static final String NOTE_PURPOSE = "reading-note";

    /** What opening a link found. */
    public enum Status { OPEN, TAMPERED, GONE, EXPIRED }

    /** An article the doctor may choose. */
    public record Choice(long id, String title, String summary) {
    }

    /** A list just sent: its id, the patient's link (for tests; staff never see it), its expiry. */
    public record Sent(long id, String url, Instant expiresAt) {
    }

    /** What the patient's link opens: the list when it is {@link Status#OPEN}. */
    public record Opened(Status status, ReadingList list) {
    }

    /** A list as the patient sees it. */
    public record ReadingList(long id, String doctor, String note, Instant sentAt, Instant expiresAt,
                              List<Article> articles, String formToken) {
    }

    /** A list as the clinic sees it: the address masked, the note not at all, when it was first opened and nothing more. */
    public record Summary(long id, String patient, Long sentById, String sentBy, Long consultationId, Instant sentAt,
                          Instant firstOpenedAt, Instant expiresAt, int articles) {
    }

    /** What a rekey did, in values (a list holds up to two). */
    public record Rekeyed(int resealed, int current, int changed, List<Long> unreadable) {
    }

    private final Transactor transactor;
    private final ReadingRepository repository;
    private final Outbox outbox;
    private final Sealer sealer;
    private final ReadingLinks links;
    private final PublishedArticles articles;
    private final Supplier<ReadingExpiry> expiry;
    private final AuditLog audit;
    private final Supplier<String> siteTitle;
    private final String baseUrl;
    private final Clock clock;

    /**
     * @param sealer the health data key's sealer (the consultation cipher)
     * @param secret the site's reading secret, which signs links and keys addresses
     * @param expiry the site's setting, read at each sending
     */
    public ReadingService(Jdbi jdbi, Transactor transactor, Outbox outbox, Sealer sealer, byte[] secret, PublishedArticles articles,
                          Supplier<ReadingExpiry> expiry, AuditLog audit, Supplier<String> siteTitle, String baseUrl, Clock clock) {
        this.transactor = transactor;
        this.repository = new ReadingRepository(jdbi);
        this.outbox = outbox;
        this.sealer = sealer;
        this.links = new ReadingLinks(new HmacSigner(secret), baseUrl);
        this.articles = articles;
        this.expiry = expiry;
        this.audit = audit;
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    public ReadingExpiry expiry() {
        return expiry.get();
    }

    /** The published articles a doctor may choose from, by title. */
    public List<Choice> choices() {
        Collator byTitle = Collator.getInstance(Locale.ENGLISH);
        return articles.list(ArticleQuery.all(), 1, PICKER_LIMIT).items().stream()
                .map(c -> new Choice(c.id(), c.title(), c.excerpt()))
                .sorted(Comparator.comparing(Choice::title, byTitle)).toList();
    }

    /**
     * Stores the list and mails the patient its link, with the audit entry, in one transaction.
     *
     * @param sender the signed-in doctor or administrator (an account: {@code accountId} is set)
     * @throws Invalid when a chosen article is not published (any more)
     */
    public Sent send(ReadingCommand command, Actor sender) {
        List<Article> chosen = articles.byIds(command.articleIds()).stream().filter(articles::isPublic).toList();
        if (chosen.size() != command.articleIds().size()) {
            throw Invalid.of("articles", "An article you chose is no longer published. Choose again from the list.");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(expiry.get().duration());
        String token = SecretTokens.newToken();
        return transactor.inTransaction(() -> {
            long id = repository.insert(SecretTokens.hash(token), links.addressKey(command.email()),
                    sealer.seal(EMAIL_PURPOSE, command.email()), command.note() == null ? null : sealer.seal(NOTE_PURPOSE, command.note()),
                    sender.accountId(), sender.name(), command.consultationId(), now, expires, command.articleIds());
            String url = links.url(new ReadingLinks.Link(id, token));
            outbox.enqueue(new ReadingMail(siteTitle.get(), baseUrl).to(command.email(), sender.name(), url, expires));
            audit.record(sender, AuditAction.READING_LIST_SENT, AuditObject.of("reading-list", Long.toString(id))
                    .withDetail(chosen.size() + (chosen.size() == 1 ? " article" : " articles")
                            + (command.consultationId() == null ? "" : ", from consultation " + command.consultationId())));
            return new Sent(id, url, expires);
        });
    }

    /** Opens the list a patient's link names, noting the first opening. */
    public Opened open(String id, String token, String signature) {
        Optional<ReadingLinks.Link> link = links.check(id, token, signature);
        if (link.isEmpty()) {
            return new Opened(Status.TAMPERED, null);
        }
        Optional<StoredList> stored = stored(link.get());
        Status status = status(stored);
        if (status != Status.OPEN) {
            return new Opened(status, null);
        }
        StoredList list = stored.get();
        repository.markFirstOpened(list.id(), clock.instant());
        List<Article> shown = articles.byIds(repository.articleIds(list.id())).stream().filter(articles::isPublic).toList();
        return new Opened(Status.OPEN, new ReadingList(list.id(), list.sentByName(),
                list.noteSealed() == null ? null : sealer.open(NOTE_PURPOSE, list.noteSealed()).orElse(null),
                list.sentAt(), list.expiresAt(), shown, links.formToken(link.get())));
    }

    /** The path of the list's page from the link's parameters (the deletion page's way back). */
    public Optional<String> path(String id, String token, String signature) {
        return links.check(id, token, signature).map(links::path);
    }

    /**
     * Deletes the list at the patient's request; {@code formToken} is the page's, so that another
     * site cannot make a patient's browser do it. Returns what the link found: OPEN when it was deleted now.
     */
    public Status deleteByPatient(String id, String token, String signature, String formToken, Actor patient) {
        Optional<ReadingLinks.Link> link = links.check(id, token, signature);
        if (link.isEmpty() || !links.formTokenValid(link.get(), formToken)) {
            return Status.TAMPERED;
        }
        return transactor.inTransaction(() -> {
            Optional<StoredList> stored = stored(link.get());
            Status status = status(stored);
            if (status == Status.OPEN && repository.delete(stored.get().id())) {
                audit.record(patient, AuditAction.READING_LIST_DELETED,
                        AuditObject.of("reading-list", Long.toString(stored.get().id())).withDetail("by the patient"));
            }
            return status;
        });
    }

    private Optional<StoredList> stored(ReadingLinks.Link link) {
        // A list deleted and its id taken again (SQLite may) keeps the old link out: the token differs.
        return repository.byId(link.id()).filter(l -> SecretTokens.same(l.tokenHash(), SecretTokens.hash(link.token())));
    }

    private Status status(Optional<StoredList> stored) {
        return stored.isEmpty() ? Status.GONE : stored.get().expiredAt(clock.instant()) ? Status.EXPIRED : Status.OPEN;
    }

    // --- the clinic's side

    /** The newest lists: one account's, or everyone's when {@code sentBy} is null. */
    public List<Summary> lists(Long sentBy) {
        return repository.newest(sentBy, ADMIN_LIST_LIMIT).stream().map(this::summary).toList();
    }

    public Optional<Summary> list(long id) {
        return repository.byId(id).map(this::summary);
    }

    /** Deletes a list at the clinic's hand (the route checks whose it is); false when it was gone already. */
    public boolean delete(long id, Actor staff) {
        return transactor.inTransaction(() -> {
            boolean deleted = repository.delete(id);
            if (deleted) {
                audit.record(staff, AuditAction.READING_LIST_DELETED, AuditObject.of("reading-list", Long.toString(id))
                        .withDetail("by the clinic"));
            }
            return deleted;
        });
    }

    /** Deletes the lists whose links have expired (housekeeping); returns how many. */
    public int purgeExpired() {
        return transactor.inTransaction(() -> {
            int purged = repository.deleteExpired(clock.instant());
            if (purged > 0) {
                audit.record(Actor.commandLine("housekeeping"), AuditAction.READING_LIST_PURGED,
                        AuditObject.of("reading-list", null).withDetail(purged + " expired " + (purged == 1 ? "list" : "lists")));
            }
            return purged;
        });
    }

    private Summary summary(StoredList l) {
        String address = sealer.open(EMAIL_PURPOSE, l.emailSealed()).map(Addresses::mask).orElse("(sealed under another key)");
        return new Summary(l.id(), address, l.sentBy(), l.sentByName(), l.consultationId(), l.sentAt(), l.firstOpenedAt(),
                l.expiresAt(), l.articleCount());
    }

    // --- data rights (privacy/)

    /** Every list sent to this address, with the note and the articles, for the person's data download. */
    public List<Map<String, Object>> export(String email) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredList l : repository.byAddressKey(links.addressKey(email))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sent_by", l.sentByName());
            row.put("sent_at", l.sentAt().toString());
            row.put("expires_at", l.expiresAt().toString());
            row.put("first_opened_at", l.firstOpenedAt() == null ? null : l.firstOpenedAt().toString());
            row.put("note", l.noteSealed() == null ? null : sealer.open(NOTE_PURPOSE, l.noteSealed()).orElse(null));
            row.put("articles", articles.byIds(repository.articleIds(l.id())).stream()
                    .map(a -> Map.of("title", a.title(), "url", baseUrl + "/" + Slugs.inPath(a.slug()) + "/")).toList());
            out.add(row);
        }
        return out;
    }

    /** Deletes every list sent to this address, in the caller's transaction; returns how many. */
    public int erase(String email) {
        return repository.deleteByAddressKey(links.addressKey(email));
    }

    // --- key rotation

    /** Seals every list's address and note again under the current key, {@code batchSize} lists per transaction. */
    public Rekeyed rekey(int batchSize) {
        int[] counts = new int[3];
        List<Long> unreadable = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<StoredList> batch = transactor.inTransaction(() -> {
                List<StoredList> rows = repository.after(from, batchSize);
                for (StoredList row : rows) {
                    boolean ok = reseal(row.id(), ReadingRepository.EMAIL_COLUMN, EMAIL_PURPOSE, row.emailSealed(), counts)
                            & reseal(row.id(), ReadingRepository.NOTE_COLUMN, NOTE_PURPOSE, row.noteSealed(), counts);
                    if (!ok) {
                        unreadable.add(row.id());
                    }
                }
                return rows;
            });
            if (batch.size() < batchSize) {
                return new Rekeyed(counts[0], counts[1], counts[2], List.copyOf(unreadable));
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private boolean reseal(long id, String column, String purpose, String stored, int[] counts) {
        if (stored == null) {
            return true;
        }
        if (sealer.isCurrent(stored)) {
            counts[1]++;
            return true;
        }
        Optional<String> plain = sealer.open(purpose, stored);
        if (plain.isEmpty()) {
            return false;
        }
        counts[repository.replaceSealed(id, column, stored, sealer.seal(purpose, plain.get())) ? 0 : 2]++;
        return true;
    }
}
