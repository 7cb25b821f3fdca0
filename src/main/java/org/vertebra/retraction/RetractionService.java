package org.vertebra.retraction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.access.Action;
import org.vertebra.access.User;
import org.vertebra.account.AccountService;
import org.vertebra.article.PublishedArticles;
import org.vertebra.content.Reference;
import org.vertebra.data.Transactor;
import org.vertebra.mail.Outbox;
import org.vertebra.reference.UpdateNotice;

/**
 * Retraction checks of references: after a save, in the background, so a slow or failing service
 * never holds up the writer; weekly for every reference of a published article; the answers kept
 * in the database (shared by every server and every article citing the same work); and a mail to
 * the editors, through the outbox, the first time a reference of a published article is found
 * retracted or withdrawn (once per reference and notice, whichever server finds it).
 */
public final class RetractionService implements AutoCloseable {

    /** How long an answer stands before it is asked again. */
    public static final Duration RECHECK_AFTER = Duration.ofDays(7);
    /** How long a server's claim on an identifier lasts: far longer than one rate-limited question. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(RetractionService.class);

    private final RetractionRepository repository;
    private final RetractionCheck check;
    private final PublishedArticles articles;
    private final AccountService accounts;
    private final Outbox outbox;
    private final Transactor transactor;
    private final String baseUrl;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "retraction-checks");
        thread.setDaemon(true);
        return thread;
    });

    public RetractionService(Jdbi jdbi, RetractionCheck check, PublishedArticles articles, AccountService accounts,
                             Outbox outbox, Transactor transactor, String baseUrl, Clock clock) {
        this.repository = new RetractionRepository(jdbi);
        this.check = check;
        this.articles = articles;
        this.accounts = accounts;
        this.outbox = outbox;
        this.transactor = transactor;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Whether a service is configured; when not, nothing is ever asked and nothing is flagged. */
    public boolean enabled() {
        return check.enabled();
    }

    /**
     * Checks, on the background thread, the references never checked or checked over a week ago;
     * returns at once. The editor shows the answers when the page is next opened.
     */
    public void checkSoon(List<Reference> references) {
        if (!enabled() || references.stream().noneMatch(r -> CheckedIdentifier.of(r) != null)) {
            return;
        }
        List<Reference> copy = List.copyOf(references);
        background.execute(() -> {
            try {
                checkStale(copy);
            } catch (RuntimeException e) {
                LOG.warn("retraction check after a save failed; the weekly round tries again", e);
            }
        });
    }

    /** Waits for the checks asked so far; for tests and shutdown. */
    public void awaitBackground() {
        try {
            background.submit(() -> { }).get(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("retraction checks did not finish", e);
        }
    }

    /**
     * Every reference of every published article whose answer is over a week old (or missing) is
     * asked again; several servers may run this at once, as each identifier is claimed by one.
     * Returns how many identifiers this server asked about.
     */
    public int recheckPublished() {
        if (!enabled()) {
            return 0;
        }
        return checkStale(articles.publishedReferences().stream().map(PublishedArticles.CitedReference::reference).toList());
    }

    /** As {@link #recheckPublished}, on the background thread, so the hourly housekeeping is not held up. */
    public void recheckPublishedInBackground() {
        if (enabled()) {
            background.execute(() -> {
                try {
                    int asked = recheckPublished();
                    if (asked > 0) {
                        LOG.info("retraction checks: asked about {} references of published articles", asked);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("weekly retraction checks failed; the next hourly round tries again", e);
                }
            });
        }
    }

    /** What is known now about these references, numbered as the list is. Reads the stored answers only. */
    public List<RetractedReference> flagged(List<Reference> references) {
        Map<String, CheckedIdentifier> known = repository.find(references.stream().map(CheckedIdentifier::of)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<RetractedReference> flagged = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String identifier = CheckedIdentifier.of(references.get(i));
            CheckedIdentifier answer = identifier == null ? null : known.get(identifier);
            if (answer != null) {
                flagged.addAll(RetractionCheck.flags(i + 1, references.get(i), answer.notices()));
            }
        }
        return List.copyOf(flagged);
    }

    /** How many public articles cite a work now known to be retracted or withdrawn, for the dashboard. */
    public int publishedArticlesCitingRetractions() {
        List<PublishedArticles.CitedReference> cited = articles.publishedReferences();
        Map<String, CheckedIdentifier> known = repository.find(cited.stream().map(c -> CheckedIdentifier.of(c.reference()))
                .filter(java.util.Objects::nonNull).distinct().toList());
        return (int) cited.stream().filter(c -> {
            CheckedIdentifier answer = known.get(CheckedIdentifier.of(c.reference()));
            return answer != null && answer.notices().stream().anyMatch(UpdateNotice::isRetraction);
        }).map(PublishedArticles.CitedReference::articleId).distinct().count();
    }

    /** How far the checks of these references have got, for the editor. */
    public Progress progress(List<Reference> references) {
        List<String> ids = references.stream().map(CheckedIdentifier::of).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, CheckedIdentifier> known = repository.find(ids);
        int answered = (int) known.values().stream().filter(c -> c.checkedAt().toEpochMilli() > 0).count();
        List<String> failures = known.values().stream().map(CheckedIdentifier::failure).filter(java.util.Objects::nonNull)
                .distinct().toList();
        return new Progress(enabled(), ids.size(), answered, failures);
    }

    /** @param failures why some questions could not be answered (a service down, too slow) */
    public record Progress(boolean enabled, int identifiers, int answered, List<String> failures) {
    }

    private int checkStale(List<Reference> references) {
        Map<String, Reference> byIdentifier = new LinkedHashMap<>();
        references.forEach(r -> {
            String id = CheckedIdentifier.of(r);
            if (id != null) {
                byIdentifier.putIfAbsent(id, r);
            }
        });
        int asked = 0;
        for (Map.Entry<String, Reference> entry : byIdentifier.entrySet()) {
            Instant now = clock.instant();
            repository.ensure(entry.getKey());
            if (!repository.claim(entry.getKey(), now.minus(RECHECK_AFTER), now, now.plus(CLAIM))) {
                continue; // answered within the week, or another server is asking
            }
            CheckedIdentifier answer = check.ask(entry.getValue());
            repository.store(answer);
            asked++;
            if (answer.failure() != null) {
                LOG.info("retraction check of a reference failed: {}", answer.failure());
            }
            answer.notices().stream().filter(UpdateNotice::isRetraction).forEach(n -> alert(entry.getKey(), n));
        }
        return asked;
    }

    /** Tells the editors once that a work published articles cite was retracted or withdrawn. */
    private void alert(String identifier, UpdateNotice notice) {
        List<PublishedArticles.CitedReference> citing = articles.publishedReferences().stream()
                .filter(c -> identifier.equals(CheckedIdentifier.of(c.reference()))).toList();
        if (citing.isEmpty()) {
            return; // only drafts cite it; the editor shows the flag
        }
        transactor.run(() -> {
            if (!repository.markAlerted(identifier, notice.notice(), clock.instant())) {
                return;
            }
            for (User editor : accounts.users()) {
                if (!editor.disabled() && editor.may(Action.EDIT_ANY_ARTICLE)) {
                    outbox.enqueue(RetractionMail.of(editor.email(), identifier, notice, citing, baseUrl));
                }
            }
        });
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
