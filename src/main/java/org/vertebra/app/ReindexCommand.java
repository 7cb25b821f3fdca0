package org.vertebra.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.vertebra.search.SearchIndex;
import org.vertebra.search.SearchIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", description = "Rebuilds the search index from the database.")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Override
    public Integer call() {
        Settings settings = site.settings(null);
        try (Site opened = Site.open(settings, Clock.systemUTC())) {
            SearchIndex index;
            try {
                index = SearchIndex.open(settings.dataDir().resolve("search-index"), settings.dataDir().resolve("synonyms.txt"));
            } catch (java.io.UncheckedIOException e) {
                System.err.println("vertebra: the search index is in use, probably by a running server; "
                        + "stop it and run reindex again (a server also rebuilds an old or missing index when it starts)");
                return 1;
            }
            try (index; SearchIndexer indexer = new SearchIndexer(index, opened.articles, opened.taxonomy, opened.clock)) {
                int count = indexer.rebuild();
                System.out.printf("search index rebuilt: %d articles and pages%n", count);
                return 0;
            }
        }
    }
}
