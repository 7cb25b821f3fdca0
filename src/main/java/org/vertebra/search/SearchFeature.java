package org.vertebra.search;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.vertebra.article.PublishedArticles;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.WebParts;
import org.vertebra.taxonomy.TaxonomyService;

/**
 * Search: the Lucene index in the data folder, kept up to date in the background from the
 * database, {@code /search/} and {@code /?s=}, and the related articles an article page shows.
 */
public final class SearchFeature implements Feature {

    private final CompletableFuture<SearchIndex> opening = new CompletableFuture<>();
    private final PublishedArticles articles;
    private final TaxonomyService taxonomy;
    private final Consumer<String> foundNothing;
    private final Clock clock;
    private volatile SearchIndexer indexer;

    /**
     * Begins opening the index at once, on a thread of its own: opening it (reading the synonyms and
     * the index's files, 0.3 to 0.5 s) runs beside the rest of the server's start, whose first
     * search or article page waits for it. A mistake in the synonyms still stops the start, when
     * the server starts the feature's job.
     *
     * @param foundNothing told of each search that found nothing (the statistics count them)
     */
    public SearchFeature(Path dataDir, PublishedArticles articles, TaxonomyService taxonomy, Consumer<String> foundNothing,
                         Clock clock) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.foundNothing = foundNothing;
        this.clock = clock;
        Thread opener = new Thread(() -> open(dataDir), "search-index-open");
        opener.setDaemon(true);
        opener.start();
        // The index is built from the articles, and an article's page shows what the index finds related to it.
        articles.useRelatedFinder((articleId, limit) -> index().related(articleId, limit));
    }

    private void open(Path dataDir) {
        try {
            opening.complete(SearchIndex.open(dataDir.resolve("search-index"), dataDir.resolve("synonyms.txt")));
        } catch (RuntimeException | Error e) {
            opening.completeExceptionally(e);
        }
    }

    /** The index, once open (waiting for it when it is not yet). */
    SearchIndex index() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new SearchRoutes(this::index, web.frames(), web.templates(), foundNothing).register(config);
    }

    /** Brings the index up to date in the background at start; the index is closed with the server. */
    @Override
    public List<Job> jobs() {
        return List.of(Job.of(this::startIndexing, this::close));
    }

    private void startIndexing() {
        SearchIndexer started = new SearchIndexer(index(), articles, taxonomy, clock);
        started.start();
        this.indexer = started;
    }

    private void close() {
        SearchIndexer running = indexer;
        if (running != null) {
            running.close();
        }
        if (!opening.isCompletedExceptionally()) {
            index().close();
        }
    }

    @Override
    public void contentChanged(long version) {
        SearchIndexer running = indexer;
        if (running != null) {
            running.contentChanged();
        }
    }

    /** Takes in content changes now rather than in the background. */
    public void catchUp() {
        SearchIndexer running = indexer;
        if (running != null) {
            running.catchUp();
        }
    }

    /** True once the index has caught up with the database since the start. */
    public boolean isReady() {
        SearchIndexer running = indexer;
        return running != null && running.isReady();
    }

    /** Waits for the index to catch up with the database; false when the feature's job has not started. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        SearchIndexer running = indexer;
        return running != null && running.awaitReady(timeout);
    }
}
