package org.vertebra.redirect;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.article.Article;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;

/**
 * Redirects an editor manages and the log of addresses not found. Each change is one transaction
 * that bumps the content counter, so every server drops its copy of the redirects (read from the
 * database, held per node in {@link #lookUp}'s cache). A redirect never leads to another redirect:
 * a change that would make a chain or a loop is refused, so a visitor always needs one hop.
 */
public final class RedirectService {

    /** How many paths the 404 log keeps (the most recently seen); the rest are forgotten. */
    public static final int LOG_KEPT = 1_000;
    public static final int PAGE_SIZE = 50;

    /** A page of the list of redirects. */
    public record Listing(List<Redirect> items, int page, int totalPages, long total) {
    }

    private final RedirectRepository repository;
    private final Transactor transactor;
    private final ContentChanges changes;
    private final java.util.function.Function<String, Optional<Article>> publishedArticle;
    private final Clock clock;
    private volatile Map<String, Redirect> cache;

    /** @param publishedArticle the published article with this slug, if any */
    public RedirectService(Jdbi jdbi, Transactor transactor, ContentChanges changes,
                           java.util.function.Function<String, Optional<Article>> publishedArticle, Clock clock) {
        this.repository = new RedirectRepository(jdbi);
        this.transactor = transactor;
        this.changes = changes;
        this.publishedArticle = publishedArticle;
        this.clock = clock;
    }

    /** The redirect of a requested path (raw or decoded), from this node's copy. */
    public Optional<Redirect> lookUp(String path) {
        Map<String, Redirect> bySource = cache;
        if (bySource == null) {
            bySource = repository.all().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Redirect::source, r -> r));
            cache = bySource;
        }
        Map<String, Redirect> found = bySource;
        return RedirectPaths.normalise(path).map(found::get);
    }

    /** Content changed somewhere (this node or another): the next look-up reads the redirects again. */
    public void contentChanged() {
        cache = null;
    }

    public Listing list(String search, int page) {
        long total = repository.count(search);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        return new Listing(repository.page(search, (current - 1) * PAGE_SIZE, PAGE_SIZE), current, pages, total);
    }

    public Optional<Redirect> byId(long id) {
        return repository.byId(id);
    }

    public Redirect add(RedirectChange change, String by) {
        Redirect added = transactor.inTransaction(() -> {
            long id = store(change, 0, by);
            changes.bump();
            return repository.byId(id).orElseThrow();
        });
        contentChanged();
        return added;
    }

    public Redirect update(long id, RedirectChange change, String by) {
        Redirect saved = transactor.inTransaction(() -> {
            existing(id);
            store(change, id, by);
            changes.bump();
            return repository.byId(id).orElseThrow();
        });
        contentChanged();
        return saved;
    }

    /**
     * Brings a file's redirects in, in one transaction (rolled back for a dry run): each row is
     * created, updated or found unchanged, or refused with the admin's reason, or left out; see
     * {@link RedirectImport}.
     */
    public RedirectImportReport importFile(RedirectFile file, String by, boolean dryRun) {
        Supplier<RedirectImportReport> work = () -> {
            RedirectImportReport report = new RedirectImportReport(file, dryRun);
            new RedirectImport(repository, this::store, by, defaultNote(file)).run(file.rows(), report);
            if (report.wroteAny()) {
                changes.bump();
            }
            return report;
        };
        RedirectImportReport report = dryRun ? transactor.rolledBack(work) : transactor.inTransaction(work);
        contentChanged();
        return report;
    }

    private static String defaultNote(RedirectFile file) {
        return "Imported from " + file.path().getFileName();
    }

    /**
     * Adds a redirect ({@code selfId} 0) or changes one, inside the caller's transaction, after the
     * rules that need the database; throws {@link Invalid} when they refuse it. Returns its id.
     */
    private long store(RedirectChange change, long selfId, String by) {
        check(change, selfId);
        long id = selfId;
        if (selfId == 0) {
            id = repository.insert(change, by, clock.instant());
        } else {
            repository.update(selfId, change, by, clock.instant());
        }
        repository.forgetMiss(change.source()); // the address is answered now
        return id;
    }

    public void delete(long id) {
        transactor.run(() -> {
            existing(id);
            repository.delete(id);
            changes.bump();
        });
        contentChanged();
    }

    /** The rules that need the database: one redirect per address, no article hidden, no chain, no loop. */
    private void check(RedirectChange change, long selfId) {
        repository.bySource(change.source()).filter(r -> r.id() != selfId).ifPresent(r -> {
            throw Invalid.of("source", "There is already a redirect from " + r.source() + ". Edit that one instead.");
        });
        String slug = singleSegment(change.source());
        if (slug != null) {
            publishedArticle.apply(slug).ifPresent(article -> {
                throw Invalid.of("source", "The published article \u201c" + article.title() + "\u201d is at " + change.source()
                        + ", so the redirect would never be used. Unpublish or move the article first, or choose another address.");
            });
        }
        List<Redirect> all = repository.all();
        if (change.target() != null && RedirectPaths.isLocal(change.target())) {
            String targetPath = RedirectPaths.normalise(change.target()).orElse(change.target());
            all.stream().filter(r -> r.id() != selfId && r.source().equals(targetPath)).findFirst().ifPresent(next -> {
                boolean loop = next.target() != null && RedirectPaths.normalise(next.target()).filter(change.source()::equals).isPresent();
                throw Invalid.of("target", loop
                        ? targetPath + " already redirects back to " + change.source() + ": the two would make a loop."
                        : targetPath + " is itself redirected (" + describe(next) + "), so this would make a chain of redirects. "
                        + (next.kind() == RedirectKind.GONE ? "Choose another address." : "Lead straight to " + next.target() + " instead."));
            });
        }
        all.stream().filter(r -> r.id() != selfId && r.target() != null && RedirectPaths.isLocal(r.target())
                        && RedirectPaths.normalise(r.target()).filter(change.source()::equals).isPresent())
                .findFirst().ifPresent(previous -> {
                    throw Invalid.of("source", "The redirect from " + previous.source() + " leads to " + change.source()
                            + ", so a redirect here would make a chain of redirects. Change that one first.");
                });
    }

    private static String describe(Redirect redirect) {
        return redirect.kind() == RedirectKind.GONE ? "it answers Gone" : "to " + redirect.target();
    }

    /** The slug of a one-part address such as /back-pain/, where articles live; null for others. */
    private static String singleSegment(String path) {
        String inner = path.substring(1, path.length() - (path.endsWith("/") ? 1 : 0));
        return inner.isEmpty() || inner.contains("/") ? null : inner;
    }

    private Redirect existing(long id) {
        return repository.byId(id).orElseThrow(() -> Invalid.of(null, "That redirect no longer exists."));
    }

    /** Adds hits counted off the request path (one batch; hits are not content, so no counter bump). */
    void countHits(Map<Long, RedirectRecorder.Tally> hits) {
        transactor.run(() -> repository.addHits(hits));
    }

    /** Adds misses counted off the request path, and forgets the oldest paths beyond {@link #LOG_KEPT} at once. */
    void logMisses(Map<String, RedirectRecorder.Tally> misses) {
        transactor.run(() -> {
            repository.addMisses(misses);
            if (repository.missCount() > LOG_KEPT) {
                repository.trimMisses(LOG_KEPT);
            }
        });
    }

    /** For housekeeping: keeps the 404 log to its most recent {@link #LOG_KEPT} paths; returns how many were forgotten. */
    public int trimNotFoundLog() {
        return transactor.inTransaction(() -> repository.trimMisses(LOG_KEPT));
    }

    public List<NotFoundPath> mostFrequentMisses(int limit) {
        return repository.mostFrequentMisses(limit);
    }

    public long missCount() {
        return repository.missCount();
    }

    /** Removes a path from the 404 log (it returns if it is requested again). */
    public void dismiss(String path) {
        transactor.run(() -> repository.forgetMiss(path));
    }
}
