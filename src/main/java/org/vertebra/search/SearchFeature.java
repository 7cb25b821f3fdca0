package org.vertebra.search;

import io.javalin.config.RoutesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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

    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final Consumer<String> foundNothing;

    /** @param foundNothing told of each search that found nothing (the statistics count them) */
    public SearchFeature(Path dataDir, PublishedArticles articles, TaxonomyService taxonomy, Consumer<String> foundNothing,
                         Clock clock) {
        this.index = SearchIndex.open(dataDir.resolve("search-index"), dataDir.resolve("synonyms.txt"));
        this.indexer = new SearchIndexer(index, articles, taxonomy, clock);
        // The index is built from the articles, and an article's page shows what the index finds related to it.
        articles.useRelatedFinder(index::related);
        this.foundNothing = foundNothing;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new SearchRoutes(index, web.frames(), web.templates(), foundNothing).register(config);
    }

    /** Brings the index up to date in the background at start; the index is closed with the server. */
    @Override
    public List<Job> jobs() {
        return List.of(Job.of(indexer::start, () -> {
            indexer.close();
            index.close();
        }));
    }

    @Override
    public void contentChanged(long version) {
        indexer.contentChanged();
    }

    /** Takes in content changes now rather than in the background. */
    public void catchUp() {
        indexer.catchUp();
    }

    /** True once the index has caught up with the database since the start. */
    public boolean isReady() {
        return indexer.isReady();
    }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return indexer.awaitReady(timeout);
    }
}
