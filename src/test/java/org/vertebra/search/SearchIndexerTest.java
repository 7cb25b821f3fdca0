package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * The indexer at start: it works in the background so that pages answer at once, and after a
 * restart it reads only what changed while the server was down, not every article again.
 */
class SearchIndexerTest {

    private Path folder;
    private TestSite testSite;
    private Site site;
    private final TestClock clock = new TestClock(Instant.now());

    @BeforeEach
    void openDemoSite() throws IOException {
        folder = Files.createTempDirectory("vertebra-indexer");
        testSite = TestSite.open(TestDatabase.SQLITE, folder, clock);
        site = testSite.site();
        site.initialize(true);
        clock.advance(Duration.ofMinutes(1)); // past the indexer's look-back over late commits
    }

    @AfterEach
    void close() {
        testSite.close();
    }

    private SearchIndexer indexer(SearchIndex index) {
        return new SearchIndexer(index, site.articles, site.taxonomy, site.clock);
    }

    private SearchIndex openIndex() {
        return SearchIndex.open(folder.resolve("index"), folder.resolve("synonyms.txt"));
    }

    @Test
    void restartReadsOnlyWhatChangedWhileTheServerWasDown() throws InterruptedException {
        long published;
        try (SearchIndex index = openIndex(); SearchIndexer first = indexer(index)) {
            first.start();
            assertThat(first.awaitReady(Duration.ofSeconds(30))).isTrue();
            published = index.search("pain", 1, 10).totalHits();
            assertThat(published).isPositive();
        }
        clock.advance(Duration.ofMinutes(1));
        try (SearchIndex index = openIndex(); SearchIndexer again = indexer(index)) {
            assertThat(index.needsRebuild()).isFalse();
            assertThat(again.catchUp()).isZero();
        }

        Article withdrawn = site.articles.published("low-back-pain-when-to-worry").orElseThrow();
        site.articleWriter.trash(withdrawn.id()); // while no server runs

        try (SearchIndex index = openIndex(); SearchIndexer again = indexer(index)) {
            assertThat(again.catchUp()).isEqualTo(1);
            SearchResults after = index.search("pain", 1, 10);
            assertThat(after.totalHits()).isEqualTo(published - 1);
            assertThat(after.hits()).extracting(Hit::slug).doesNotContain("low-back-pain-when-to-worry");
        }
    }

    @Test
    void startReturnsAtOnceAndIsReadyOnlyWhenTheIndexIsBuilt() throws InterruptedException {
        try (SearchIndex index = openIndex(); SearchIndexer indexer = indexer(index)) {
            // The background work takes the indexer's lock; holding it stands for a long rebuild.
            synchronized (indexer) {
                indexer.start();
                assertThat(indexer.isReady()).isFalse();
                assertThat(indexer.awaitReady(Duration.ofMillis(200))).isFalse();
            }
            assertThat(indexer.awaitReady(Duration.ofSeconds(30))).isTrue();
            assertThat(index.needsRebuild()).isFalse();
            assertThat(index.search("pain", 1, 10).totalHits()).isPositive();
        }
    }
}
