package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexLifecycleTest {

    @TempDir
    Path dir;

    private SearchIndex open() {
        return SearchIndex.open(dir.resolve("index"), null);
    }

    private static List<Long> ids(SearchIndex index, String query) {
        return index.search(query, 1, 50).hits().stream().map(Hit::id).toList();
    }

    @Test
    void findsArticleAsSoonAsItIsPut() {
        try (SearchIndex index = open()) {
            index.put(TestArticles.HEEL);

            assertThat(ids(index, "plantar")).containsExactly(TestArticles.HEEL.id());
        }
    }

    @Test
    void putReplacesTheArticleWithTheSameId() {
        try (SearchIndex index = open()) {
            index.put(TestArticles.HEEL);
            index.put(TestArticles.simple(TestArticles.HEEL.id(), "Achilles Tendon", "The tendon above the heel."));

            assertThat(ids(index, "plantar")).doesNotContain(TestArticles.HEEL.id());
            assertThat(ids(index, "achilles")).containsExactly(TestArticles.HEEL.id());
        }
    }

    @Test
    void removedArticleIsNotFound() {
        try (SearchIndex index = open()) {
            index.rebuild(TestArticles.ALL.stream());

            index.remove(TestArticles.SHOULDER.id());
            index.remove(424242); // unknown: nothing to do

            assertThat(ids(index, "frozen shoulder")).doesNotContain(TestArticles.SHOULDER.id());
            assertThat(index.suggest("frozen", 5)).isEmpty();
            assertThat(ids(index, "plantar")).containsExactly(TestArticles.HEEL.id());
        }
    }

    @Test
    void rebuildReplacesEverything() {
        try (SearchIndex index = open()) {
            index.put(TestArticles.HEEL);
            index.put(TestArticles.WRIST);

            index.rebuild(Stream.of(TestArticles.SHOULDER));

            assertThat(ids(index, "plantar")).doesNotContain(TestArticles.HEEL.id());
            assertThat(ids(index, "wrist")).doesNotContain(TestArticles.WRIST.id());
            assertThat(ids(index, "shoulder")).containsExactly(TestArticles.SHOULDER.id());
        }
    }

    @Test
    void searchesSeeTheOldIndexUntilRebuildCompletes() {
        try (SearchIndex index = open()) {
            index.rebuild(Stream.of(TestArticles.HEEL));

            index.rebuild(Stream.of(TestArticles.WRIST, TestArticles.SHOULDER).peek(article ->
                    assertThat(ids(index, "plantar")).as("during the rebuild").containsExactly(TestArticles.HEEL.id())));

            assertThat(ids(index, "plantar")).doesNotContain(TestArticles.HEEL.id());
        }
    }

    @Test
    void failedRebuildKeepsTheOldIndex() {
        try (SearchIndex index = open()) {
            index.rebuild(Stream.of(TestArticles.HEEL));
            Stream<IndexedArticle> failing = Stream.of(TestArticles.WRIST, TestArticles.SHOULDER).map(article -> {
                if (article == TestArticles.SHOULDER) {
                    throw new IllegalStateException("database went away");
                }
                return article;
            });

            assertThatThrownBy(() -> index.rebuild(failing)).hasMessage("database went away");

            assertThat(ids(index, "plantar")).containsExactly(TestArticles.HEEL.id());
            assertThat(ids(index, "wrist")).doesNotContain(TestArticles.WRIST.id());
            assertThat(index.needsRebuild()).isFalse();
            index.put(TestArticles.WRIST); // and the index still takes changes
            assertThat(ids(index, "wrist")).containsExactly(TestArticles.WRIST.id());
        }
    }

    @Test
    void indexSurvivesReopen() {
        try (SearchIndex index = open()) {
            index.rebuild(TestArticles.ALL.stream());
            index.remove(TestArticles.HEEL.id());
        }
        try (SearchIndex index = open()) {
            assertThat(ids(index, "shoulder")).containsExactly(TestArticles.SHOULDER.id());
            assertThat(ids(index, "plantar")).doesNotContain(TestArticles.HEEL.id());
            assertThat(index.needsRebuild()).isFalse();
        }
    }

    @Test
    void repeatedSearchGetsTheKeptPageUntilTheIndexChanges() {
        try (SearchIndex index = open()) {
            index.rebuild(TestArticles.ALL.stream());
            SearchResults first = index.search("plantar heel", 1, 10);

            assertThat(index.search("  plantar   heel ", 1, 10)).as("the same words, other spacing").isSameAs(first);
            assertThat(index.search("plantar heel", 2, 10)).as("another page").isNotSameAs(first);

            IndexedArticle newer = TestArticles.simple(77, "Plantar Heel Pain in Runners", "Plantar heel pain in runners.");
            index.put(newer);
            SearchResults after = index.search("plantar heel", 1, 10);
            assertThat(after).isNotSameAs(first);
            assertThat(after.hits()).extracting(Hit::id).contains(newer.id());

            index.remove(newer.id());
            assertThat(index.search("plantar heel", 1, 10).hits()).extracting(Hit::id).doesNotContain(newer.id());
        }
    }

    @Test
    void updatePutsAndRemovesInOneGoAndKeepsItsMarkAcrossReopen() {
        Instant mark = Instant.parse("2026-12-07T03:00:00Z");
        try (SearchIndex index = open()) {
            index.rebuild(Stream.of(TestArticles.HEEL, TestArticles.WRIST));
            assertThat(index.caughtUpTo()).as("a rebuild from a stream knows no moment").isNull();

            index.update(each -> each.accept(TestArticles.SHOULDER), List.of(TestArticles.WRIST.id()), mark);

            assertThat(ids(index, "shoulder")).containsExactly(TestArticles.SHOULDER.id());
            assertThat(ids(index, "wrist")).doesNotContain(TestArticles.WRIST.id());
            assertThat(index.caughtUpTo()).isEqualTo(mark);
        }
        try (SearchIndex index = open()) {
            assertThat(index.caughtUpTo()).as("after reopening").isEqualTo(mark);
            assertThat(index.needsRebuild()).isFalse();
            index.put(TestArticles.WRIST);
            assertThat(index.caughtUpTo()).as("a single put leaves the mark").isEqualTo(mark);
        }
    }

    @Test
    void rebuildFromASourceKeepsItsMoment() {
        Instant read = Instant.parse("2026-12-07T03:10:00Z");
        try (SearchIndex index = open()) {
            index.rebuild(each -> TestArticles.ALL.forEach(each), read);

            assertThat(index.caughtUpTo()).isEqualTo(read);
            assertThat(ids(index, "plantar")).containsExactly(TestArticles.HEEL.id());
            assertThat(index.needsRebuild()).isFalse();
        }
    }

    @Test
    void needsRebuildWhenMissingOrOldVersion() throws IOException {
        try (SearchIndex index = open()) {
            assertThat(index.needsRebuild()).as("new").isTrue();
            index.put(TestArticles.HEEL);
            assertThat(index.needsRebuild()).as("a single article is not a built index").isTrue();
            index.rebuild(Stream.empty());
            assertThat(index.needsRebuild()).as("built, even if the site has no articles yet").isFalse();
            index.put(TestArticles.HEEL);
            assertThat(index.needsRebuild()).as("changes keep the mark").isFalse();
        }
        markAsVersion(IndexVersion.CURRENT - 1);
        try (SearchIndex index = open()) {
            assertThat(index.needsRebuild()).as("older version").isTrue();
            index.rebuild(Stream.of(TestArticles.HEEL));
            assertThat(index.needsRebuild()).isFalse();
        }
    }

    @Test
    void startsAfreshFromAnUnreadableIndex() throws IOException {
        Path index = Files.createDirectories(dir.resolve("index"));
        Files.writeString(index.resolve("segments_1"), "not an index");

        try (SearchIndex reopened = open()) {
            assertThat(reopened.needsRebuild()).isTrue();
            reopened.rebuild(Stream.of(TestArticles.HEEL));
            assertThat(ids(reopened, "heel")).containsExactly(TestArticles.HEEL.id());
        }
    }

    @Test
    void refusesASecondWriterOnTheSameDirectory() {
        try (SearchIndex index = open()) {
            assertThatThrownBy(this::open).isInstanceOf(UncheckedIOException.class);
            assertThat(index.needsRebuild()).isTrue();
        }
    }

    @Test
    void searchesRunWhileArticlesAreWritten() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try (SearchIndex index = open()) {
            index.rebuild(TestArticles.ALL.stream());
            List<Future<?>> searches = IntStream.range(0, 4).<Future<?>>mapToObj(n -> readers.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    assertThat(index.search("knee", 1, 10).totalHits()).isGreaterThanOrEqualTo(3);
                    index.suggest("kne", 5);
                    index.related(TestArticles.KNEE_OA.id(), 3);
                }
            })).toList();
            for (int i = 0; i < 30; i++) {
                index.put(TestArticles.simple(1_000 + i, "Knee sleeve " + i, "A sleeve for the knee."));
            }
            for (Future<?> search : searches) {
                search.get();
            }
            assertThat(index.search("sleeve", 1, 10).totalHits()).isEqualTo(30);
        } finally {
            readers.shutdownNow();
        }
    }

    /** Writes the marks an index built by another version would have. */
    private void markAsVersion(int version) throws IOException {
        try (FSDirectory files = FSDirectory.open(dir.resolve("index"));
                IndexWriter writer = new IndexWriter(files, new IndexWriterConfig(new StandardAnalyzer()))) {
            writer.setLiveCommitData(Map.of(IndexVersion.FORMAT_KEY, Integer.toString(version),
                    IndexVersion.BUILT_KEY, "true").entrySet());
            writer.commit();
        }
    }
}
