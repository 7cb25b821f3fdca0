package org.vertebra.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleWriter;

/**
 * Keeps the evidence report's figures in step with the articles: works them out again for every
 * article changed since the newest one already worked out, a chunk at a time, in the background
 * after each content change and before the report is shown. After an import of 100,000 articles
 * that is minutes of work, done once in the background; afterwards a change costs one article.
 */
final class EvidenceCatchUp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCatchUp.class);
    private static final int CHUNK = 200;
    /** How long the report waits for a catch-up already running (one change takes milliseconds). */
    private static final java.time.Duration WAIT_FOR_RUNNING = java.time.Duration.ofSeconds(2);

    private final ArticleWriter articles;
    private final EvidenceFigureRepository figures;
    private final Function<Article, EvidenceFigures> workOut;
    private final Runnable written;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "evidence-figures");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private ArticleWriter.Change mark;
    private volatile boolean startPassDone;
    /** A catch-up of more than one chunk is running (after an import). */
    private volatile boolean large;

    /**
     * @param workOut an article's figures, from its text and references
     * @param written told after figures were stored or removed (the report's count and page marks move)
     */
    EvidenceCatchUp(ArticleWriter articles, EvidenceFigureRepository figures, Function<Article, EvidenceFigures> workOut,
                    Runnable written) {
        this.articles = articles;
        this.figures = figures;
        this.workOut = workOut;
        this.written = written;
    }

    /** Catches up on the background thread; returns at once. Calls while one is waiting make no second. */
    void inBackground() {
        if (queued.compareAndSet(false, true)) {
            background.execute(() -> {
                queued.set(false);
                try {
                    int worked = catchUp(true);
                    // the first pass after the start catches up on what changed while the server was
                    // down (an import): say when it is done
                    if (!startPassDone || worked > 100) {
                        LOG.info("evidence figures up to date: worked out for {} articles", worked);
                        startPassDone = true;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("evidence figures not brought up to date: {}", e.toString());
                }
            });
        }
    }

    /**
     * Catches up now. A catch-up already running is waited for, for at most two seconds unless
     * {@code wait}: after that (a large import being worked through) the report shows what is
     * worked out so far. Returns how many articles' figures it worked out.
     */
    int catchUp(boolean wait) {
        if (wait) {
            running.lock();
        } else if (!lockWithin(WAIT_FOR_RUNNING)) {
            return 0;
        }
        try {
            if (mark == null) {
                // the newest change worked out; older ones were worked out before it (change order)
                mark = new ArticleWriter.Change(0, figures.newestChecked().orElse(Instant.EPOCH));
            }
            int worked = 0;
            for (List<ArticleWriter.Change> changed = articles.changedAfter(mark, CHUNK); !changed.isEmpty();
                 changed = articles.changedAfter(mark, CHUNK)) {
                large = changed.size() == CHUNK;
                worked += workOut(changed);
                mark = changed.get(changed.size() - 1);
            }
            return worked;
        } finally {
            large = false;
            running.unlock();
        }
    }

    /** Whether a catch-up is at work now (in the background after a large import, or for another request). */
    boolean isRunning() {
        return running.isLocked();
    }

    /** False when a catch-up still runs after this long: a large one, after an import. */
    private boolean lockWithin(java.time.Duration timeout) {
        if (large) {
            return running.tryLock(); // a large catch-up is minutes of work: do not wait for it
        }
        try {
            return running.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Works out the figures of the articles in the chunk whose figures are not current; returns how many. */
    private int workOut(List<ArticleWriter.Change> changed) {
        Map<Long, EvidenceFigures> known = figures.byIds(changed.stream().map(ArticleWriter.Change::id).toList());
        List<Long> stale = changed.stream().filter(c -> known.get(c.id()) == null
                || !known.get(c.id()).modifiedAt().equals(c.modifiedAt())).map(ArticleWriter.Change::id).toList();
        List<Long> removed = new ArrayList<>();
        List<EvidenceFigures> worked = new ArrayList<>();
        for (Article a : articles.byIds(stale)) {
            if (a.isPage() || a.isInTrash()) {
                removed.add(a.id());
            } else {
                worked.add(workOut.apply(a));
            }
        }
        figures.remove(removed);
        figures.save(worked);
        if (!removed.isEmpty() || !worked.isEmpty()) {
            written.run();
        }
        articles.recordChecks(worked.stream().map(EvidenceFigures::checked).toList());
        return worked.size();
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
