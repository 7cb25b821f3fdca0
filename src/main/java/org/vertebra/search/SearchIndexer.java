package org.vertebra.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.content.TocEntry;
import org.vertebra.taxonomy.Category;
import org.vertebra.taxonomy.Tag;
import org.vertebra.taxonomy.TaxonomyService;

/**
 * Keeps the search index in step with the database, which stays the source of truth: a full
 * rebuild when the index is missing or old, then, on every content change, the articles modified
 * since the last look are put into the index or taken out of it. Work runs on one background
 * thread, so a burst of changes never blocks a request.
 */
public final class SearchIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    /** Looks back a little further than the last look, for transactions that committed late. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private final SearchIndex index;
    private final PublishedArticles articles;
    private final TaxonomyService taxonomy;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean catchUpQueued = new AtomicBoolean();
    private volatile Instant lastLook;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean ready;

    public SearchIndexer(SearchIndex index, PublishedArticles articles, TaxonomyService taxonomy, Clock clock) {
        this.index = index;
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.clock = clock;
        Instant mark = index.caughtUpTo(); // where the index was left: a restart reads only what changed since
        this.lastLook = mark == null ? Instant.EPOCH : mark;
    }

    /**
     * Rebuilds the index when it needs it, else catches up from where the index says it was left
     * (a restart reads only what changed meanwhile), on the background thread: pages answer
     * meanwhile (searches see the index as it was), and {@link #isReady()} turns true when it is
     * done. Call once at start.
     */
    public void start() {
        worker.execute(() -> {
            try {
                if (index.needsRebuild()) {
                    rebuild();
                } else {
                    catchUp();
                }
                ready = true;
            } catch (RuntimeException e) {
                LOG.error("search index could not be brought up to date at start; the next change retries", e);
            } finally {
                started.countDown();
            }
        });
    }

    /** True once the index holds what the database held at start: what /healthz reports. */
    public boolean isReady() {
        return ready;
    }

    /** Waits until the work begun by {@link #start()} is over; true when it succeeded in time. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ready;
    }

    /** Replaces the whole index with what the database holds, one article in memory at a time. */
    public synchronized int rebuild() {
        Instant began = clock.instant();
        int[] count = {0};
        index.rebuild(each -> articles.forEachPublished(article -> {
            each.accept(indexed(article));
            count[0]++;
        }), began);
        lastLook = began;
        LOG.info("search index rebuilt: {} articles in {} ms", count[0], Duration.between(began, clock.instant()).toMillis());
        return count[0];
    }

    /** Asks for a catch-up on the background thread; several requests in a row make one run. */
    public void contentChanged() {
        if (catchUpQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                catchUpQueued.set(false);
                try {
                    catchUp();
                    ready = true; // also after a failed start
                } catch (RuntimeException e) {
                    LOG.error("search index catch-up failed; the next change retries", e);
                }
            });
        }
    }

    /**
     * Puts every article changed since the last look into the index, or takes it out, in one
     * commit; the changed articles are read one at a time, so a large import made while the
     * server was stopped costs time, not memory.
     *
     * @return how many articles were put in or taken out
     */
    public synchronized int catchUp() {
        Instant began = clock.instant();
        List<Long> removed = new ArrayList<>();
        int[] put = {0};
        index.update(each -> articles.forEachModifiedSince(lastLook.minus(OVERLAP), article -> {
            if (articles.isPublic(article)) {
                each.accept(indexed(article));
                put[0]++;
            } else {
                removed.add(article.id());
            }
        }), removed, began);
        lastLook = began;
        return put[0] + removed.size();
    }

    private IndexedArticle indexed(Article article) {
        return new IndexedArticle(article.id(), article.slug(), article.title(), headings(article), article.plainText(),
                article.summary(), taxonomy.tagsOf(article.id()).stream().map(Tag::name).toList(),
                taxonomy.categoriesOf(article.id()).stream().map(Category::name).toList(), article.publishedAt(), article.lang());
    }

    private static List<String> headings(Article article) {
        return article.toc().stream().flatMap(e -> Stream.concat(Stream.of(e), e.children().stream()))
                .map(TocEntry::text).toList();
    }

    @Override
    public void close() {
        // No interrupt: an interrupted thread in the middle of file or database I/O closes the
        // channel under it (Lucene's index lock, a JDBC connection). Let the current run finish.
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
