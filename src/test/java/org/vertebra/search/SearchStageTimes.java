package org.vertebra.search;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;

/**
 * A measurement, not a test (issue 17): the CPU time of each stage of a search that no cache
 * answers, per query, over the search benchmark's corpus. Run by hand, never by the suite:
 *
 * <pre>
 *   javac -d /tmp/corpus -cp target/classes bench/search/SearchBenchmark.java
 *   java bench/search/QueryPaths.java bench/search/queries.txt /tmp/paths   (with the same class path)
 *   chrt -i 0 nice -n 19 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m \
 *       -cp target/test-classes:target/classes:/tmp/corpus:DEPENDENCIES \
 *       org.vertebra.search.SearchStageTimes /tmp/stage-index 10000 /tmp/paths/once.txt 3 /tmp/pages.txt [whole]
 * </pre>
 *
 * The corpus comes from {@code SearchBenchmark.article} (bench/search/, found on the class path),
 * the index is built once in the folder given and reused while its format is current. Each pass
 * runs every query once; the last pass is reported. The stages follow {@link ArticleSearch}
 * ("whole" times only its {@code search}, to compare with a build whose stages differ); the
 * pages file holds what the real {@link ArticleSearch} answers for each query (count, correction,
 * hits and snippets), to compare two builds' answers with diff.
 */
final class SearchStageTimes {

    private static final String[] STAGES = {"words", "queries", "count", "spelling", "ranking", "snippets", "hits",
            "total"};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        List<String> queries = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank())
                .map(l -> l.startsWith("/search/?q=") ? URLDecoder.decode(l.substring(11), StandardCharsets.UTF_8) : l)
                .toList();
        int passes = Integer.parseInt(args[3]);
        Path pages = args.length > 4 && !args[4].equals("-") ? Path.of(args[4]) : null;
        // "whole": only ArticleSearch.search as the server runs it, which an older build also has
        boolean wholeOnly = args.length > 5 && args[5].equals("whole");
        build(dir, articles);

        try (FSDirectory files = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(files)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            if (System.getProperty("noQueryCache") != null) {
                searcher.setQueryCache(null); // the server's searchers keep Lucene's cache of frequent filters
            }
            System.err.printf("index: %d articles in %d segments%n", reader.numDocs(), reader.leaves().size());
            long[][] last = null;
            if (wholeOnly) {
                ArticleSearch search = englishSearch();
                for (int pass = 1; pass <= passes; pass++) {
                    last = new long[queries.size()][];
                    for (int q = 0; q < queries.size(); q++) {
                        long start = CPU.getCurrentThreadCpuTime();
                        search.search(searcher, queries.get(q), 1, 10);
                        last[q] = new long[STAGES.length];
                        last[q][STAGES.length - 1] = CPU.getCurrentThreadCpuTime() - start;
                    }
                }
            } else {
                Stages stages = new Stages(searcher);
                for (int pass = 1; pass <= passes; pass++) {
                    last = new long[queries.size()][];
                    for (int q = 0; q < queries.size(); q++) {
                        last[q] = stages.time(queries.get(q));
                    }
                }
            }
            report(queries, last);
            if (pages != null) {
                writePages(searcher, queries, pages);
            }
        }
    }

    private static void build(Path dir, int articles) throws Exception {
        try (SearchIndex index = SearchIndex.open(dir, null)) {
            if (!index.needsRebuild() || System.getProperty("keepIndex") != null) {
                return;
            }
            Method article = Class.forName("SearchBenchmark").getDeclaredMethod("article", int.class);
            article.setAccessible(true);
            long start = System.nanoTime();
            index.rebuild(IntStream.range(0, articles).mapToObj(i -> {
                try {
                    return (IndexedArticle) article.invoke(null, i);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }));
            System.err.printf("built %d articles in %d ms%n", articles, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The steps of {@link ArticleSearch#search} for the first page of ten, each timed apart. */
    private static final class Stages {

        private final IndexSearcher searcher;
        private final ArticleQueries queries;
        private final SpellingCorrector speller;
        private final SnippetMaker snippets;

        Stages(IndexSearcher searcher) {
            this.searcher = searcher;
            this.queries = new ArticleQueries(SearchAnalyzers.forQuery(IndexLanguage.ENGLISH, Synonyms.load(null)),
                    IndexLanguage.ENGLISH);
            this.speller = new SpellingCorrector(queries);
            this.snippets = new SnippetMaker(SearchAnalyzers.forIndex());
        }

        long[] time(String typed) throws IOException {
            long[] ns = new long[STAGES.length];
            long start = CPU.getCurrentThreadCpuTime();
            long at = start;
            List<String> words = QueryText.of(typed).words();
            at = lap(ns, 0, at);
            ArticleQuery query = words.isEmpty() ? null : queries.allWords(words);
            at = lap(ns, 1, at);
            MatchCount found = query == null ? MatchCount.NONE : MatchCount.of(searcher, query.matches(), ArticleSearch.FEW);
            at = lap(ns, 2, at);
            if (query != null && found.count() == 0) {
                List<String> corrected = speller.correct(searcher, words);
                ArticleQuery fixed = corrected.equals(words) ? null : queries.allWords(corrected);
                found = fixed == null ? MatchCount.NONE : MatchCount.of(searcher, fixed.matches(), ArticleSearch.FEW);
                if (found.count() > 0) {
                    query = fixed;
                    words = corrected;
                } else if (corrected.size() > 1) {
                    ArticleQuery loose = queries.anyWord(corrected);
                    found = loose == null ? MatchCount.NONE : MatchCount.of(searcher, loose.matches(), ArticleSearch.FEW);
                    query = loose;
                    words = corrected;
                }
                at = lap(ns, 3, at);
            }
            if (query != null && found.count() > 0) {
                ScoreDoc[] top = found.few() != null ? TopMatches.amongFew(searcher, query, found.few(), 10)
                        : TopMatches.of(searcher, query, 10);
                at = lap(ns, 4, at);
                int[] docIds = Arrays.stream(top).mapToInt(doc -> doc.doc).toArray();
                Query inBody = queries.inBody(words);
                Snippet[] made = inBody == null ? new Snippet[docIds.length]
                        : snippets.snippets(searcher, queries.bodyField(), inBody, docIds);
                at = lap(ns, 5, at);
                for (int i = 0; i < docIds.length; i++) {
                    ArticleFields.toHit(searcher, docIds[i], made[i] == null ? Snippet.EMPTY : made[i],
                            IndexLanguage.ENGLISH);
                }
                at = lap(ns, 6, at);
            }
            ns[7] = at - start;
            return ns;
        }

        private static long lap(long[] ns, int stage, long since) {
            long now = CPU.getCurrentThreadCpuTime();
            ns[stage] += now - since;
            return now;
        }
    }

    private static void report(List<String> queries, long[][] ns) {
        System.out.println("| stage, ms CPU per query | mean | p50 | p99 | max |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int s = 0; s < STAGES.length; s++) {
            int stage = s;
            double[] ms = Arrays.stream(ns).mapToDouble(q -> q[stage] / 1e6).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", STAGES[s],
                    Arrays.stream(ms).average().orElse(0), percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1]);
        }
        System.out.println();
        System.out.println("top 20 by total CPU (ms): query | " + String.join(" ", STAGES));
        List<Integer> order = new ArrayList<>(IntStream.range(0, queries.size()).boxed().toList());
        order.sort(Comparator.comparingLong((Integer q) -> ns[q][7]).reversed());
        for (int q : order.subList(0, Math.min(20, order.size()))) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-40s |", queries.get(q)));
            for (long stage : ns[q]) {
                line.append(String.format(Locale.ROOT, " %6.2f", stage / 1e6));
            }
            System.out.println(line);
        }
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** What the real search answers, one block per query, to compare two builds' pages. */
    private static void writePages(IndexSearcher searcher, List<String> queries, Path file) throws IOException {
        ArticleSearch search = englishSearch();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (String q : queries) {
                SearchResults page = search.search(searcher, q, 1, 10);
                out.printf("%s | %d found | %s | all words %s%n", q, page.totalHits(), page.didYouMean(), page.allWordsMatched());
                for (Hit hit : page.hits()) {
                    out.printf("  %d %s%n", hit.id(), hit.snippet());
                }
            }
        }
    }

    private static ArticleSearch englishSearch() {
        return LanguageSearch.of(IndexLanguage.ENGLISH, Synonyms.load(null), SearchAnalyzers.forIndex()).articles();
    }

    private SearchStageTimes() {
    }
}
