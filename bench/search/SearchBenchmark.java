import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.vertebra.search.IndexedArticle;
import org.vertebra.search.SearchIndex;

/**
 * Search benchmark, run by bench/search.sh (never by the test suite).
 *
 * Generates a corpus of N articles from a fixed seed, builds Vertebra's Lucene index over it and
 * times the build, then runs a fixed list of queries (first page of ten results with snippets, as
 * the results page asks for) and reports p50/p99 latency. Two peers get the same corpus and the
 * same queries in the same run: SQLite FTS5 (porter stemming, bm25 order, snippets), the usual
 * "good enough" embedded full-text search, and WordPress's own search, which is a LIKE '%word%'
 * over title, excerpt and content for every word, ordered by title matches first.
 *
 * Arguments: WORK_DIR ARTICLES QUERIES_FILE ROUNDS. Prints one line per engine:
 * "engine build_ms p50_ms p99_ms mean_ms queries_with_hits".
 */
public final class SearchBenchmark {

    static final String[] CONDITIONS = ("sciatica fracture osteoarthritis osteoporosis tendinitis bursitis scoliosis"
            + " kyphosis spondylolisthesis stenosis herniation sprain strain dislocation arthritis gout fasciitis epicondylitis"
            + " capsulitis radiculopathy neuropathy whiplash tumour sarcoma myeloma cyst ganglion contracture impingement"
            + " instability tear rupture laxity fibromyalgia spondylosis osteomyelitis nonunion malunion deformity bunion"
            + " hammertoe neuroma sesamoiditis").split(" ");
    static final String[] PARTS = ("spine neck shoulder elbow wrist hand finger hip knee ankle foot heel toe back"
            + " pelvis thigh calf tendon ligament cartilage meniscus disc vertebra nerve muscle joint bone rotator labrum"
            + " achilles acl").split(" ");
    static final String[] TREATMENTS = ("physiotherapy surgery injection brace cast splint exercise stretching rest"
            + " ice medication arthroscopy replacement fusion decompression rehabilitation walking swimming cycling yoga"
            + " massage orthotics").split(" ");
    private static final String[] COMMON = ("the patient may feel pain when moving and this often improves over weeks with"
            + " simple care most people recover well but some need more help from a doctor who can examine the area"
            + " explain the options and plan the next steps together symptoms such as swelling stiffness weakness"
            + " numbness or tingling can appear slowly or suddenly after an injury a fall sport work or lifting"
            + " treatment usually starts with gentle measures and only rarely needs an operation early movement"
            + " sleep diet weight and daily habits matter as much as any single test scan or result").split(" ");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        List<String> queries = Files.readAllLines(Path.of(args[2])).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        int rounds = Integer.parseInt(args[3]);
        Files.createDirectories(work);
        System.err.printf("corpus: %d articles; %d queries x %d rounds%n", articles, queries.size(), rounds);

        lucene(work.resolve("lucene"), articles, queries, rounds);
        fts5(work.resolve("fts5.db"), articles, queries, rounds);
        wordpressLike(work.resolve("like.db"), articles, queries, rounds);
    }

    // ------------------------------------------------------------------ corpus

    /** Article i of the corpus; the same for every engine and every run. */
    static IndexedArticle article(int i) {
        Random random = new Random(1_000_003L * i + 17);
        String condition = pick(random, CONDITIONS);
        String part = pick(random, PARTS);
        String title = capital(condition) + " of the " + part + ": " + pick(random, TREATMENTS) + " and recovery";
        List<String> headings = List.of("What " + condition + " is", "Symptoms in the " + part,
                "Treatment with " + pick(random, TREATMENTS), "When to see a doctor");
        StringBuilder body = new StringBuilder();
        for (int paragraph = 0; paragraph < 8; paragraph++) {
            for (int sentence = 0; sentence < 5; sentence++) {
                body.append(sentence(random, condition, part)).append(' ');
            }
            body.append('\n');
        }
        String summary = "How " + condition + " affects the " + part + " and what helps.";
        return new IndexedArticle(i + 1, "article-" + (i + 1), title, headings, body.toString(), summary,
                List.of(part + " pain", pick(random, TREATMENTS)), List.of(capital(pick(random, PARTS))),
                Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600L * i));
    }

    private static String sentence(Random random, String condition, String part) {
        int words = 8 + random.nextInt(14);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int roll = random.nextInt(100);
            String word = roll < 6 ? condition : roll < 11 ? part : roll < 14 ? pick(random, CONDITIONS)
                    : roll < 18 ? pick(random, PARTS) : roll < 21 ? pick(random, TREATMENTS) : pick(random, COMMON);
            s.append(w == 0 ? capital(word) : word).append(w == words - 1 ? "." : " ");
        }
        return s.toString();
    }

    private static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    // ------------------------------------------------------------------ engines

    private static void lucene(Path dir, int articles, List<String> queries, int rounds) throws IOException {
        try (SearchIndex index = SearchIndex.open(dir, null)) {
            long start = System.nanoTime();
            index.rebuild(IntStream.range(0, articles).mapToObj(SearchBenchmark::article));
            long buildMs = (System.nanoTime() - start) / 1_000_000;
            report("vertebra-lucene", buildMs, queries, rounds, q -> index.search(q, 1, 10).hits().size());
        }
    }

    private static void fts5(Path file, int articles, List<String> queries, int rounds) throws Exception {
        Files.deleteIfExists(file);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            long start = System.nanoTime();
            try (Statement s = db.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE docs USING fts5(title, headings, body, summary, tokenize = 'porter unicode61')");
            }
            insertAll(db, "INSERT INTO docs(rowid, title, headings, body, summary) VALUES (?, ?, ?, ?, ?)", articles);
            long buildMs = (System.nanoTime() - start) / 1_000_000;
            try (PreparedStatement q = db.prepareStatement("SELECT rowid, title, snippet(docs, 2, '<mark>', '</mark>', '...', 24)"
                    + " FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 8.0, 4.0, 1.0, 2.0) LIMIT 10")) {
                report("sqlite-fts5", buildMs, queries, rounds, text -> count(q, ftsQuery(text)));
            }
        }
    }

    /** WordPress's WP_Query search: every word must be LIKE-matched in title, excerpt or content. */
    private static void wordpressLike(Path file, int articles, List<String> queries, int rounds) throws Exception {
        Files.deleteIfExists(file);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            long start = System.nanoTime();
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT, headings TEXT, content TEXT, excerpt TEXT)");
            }
            insertAll(db, "INSERT INTO posts(id, title, headings, content, excerpt) VALUES (?, ?, ?, ?, ?)", articles);
            long buildMs = (System.nanoTime() - start) / 1_000_000;
            report("wordpress-like", buildMs, queries, rounds, text -> likeSearch(db, text));
        }
    }

    private static void insertAll(Connection db, String sql, int articles) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < articles; i++) {
                IndexedArticle a = article(i);
                insert.setLong(1, a.id());
                insert.setString(2, a.title());
                insert.setString(3, String.join(" ", a.headings()));
                insert.setString(4, a.body());
                insert.setString(5, a.summary());
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static int likeSearch(Connection db, String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return 0;
        }
        String each = "(title LIKE ? OR excerpt LIKE ? OR content LIKE ?)";
        String sql = "SELECT id, title, substr(content, 1, 200) FROM posts WHERE " + String.join(" AND ", java.util.Collections.nCopies(words.size(), each))
                + " ORDER BY CASE WHEN title LIKE ? THEN 1 ELSE 2 END, id DESC LIMIT 10";
        try (PreparedStatement q = db.prepareStatement(sql)) {
            int n = 1;
            for (String w : words) {
                for (int k = 0; k < 3; k++) {
                    q.setString(n++, "%" + w + "%");
                }
            }
            q.setString(n, "%" + text.strip() + "%");
            return rows(q);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The words as an FTS5 query: each one quoted, so that query syntax is only ever words. */
    private static String ftsQuery(String text) {
        List<String> words = words(text);
        return words.isEmpty() ? null : String.join(" ", words.stream().map(w -> "\"" + w + "\"").toList());
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static int count(PreparedStatement q, String match) {
        if (match == null) {
            return 0;
        }
        try {
            q.setString(1, match);
            return rows(q);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int rows(PreparedStatement q) throws SQLException {
        int n = 0;
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rs.getString(3); // read the snippet too, as a results page would
                n++;
            }
        }
        return n;
    }

    private interface Search {
        int run(String query) throws Exception;
    }

    /** One warm-up round, then ROUNDS timed rounds over every query. */
    private static void report(String engine, long buildMs, List<String> queries, int rounds, Search search) {
        int withHits = 0;
        try {
            for (String q : queries) {
                if (search.run(q) > 0) {
                    withHits++;
                }
            }
            double[] ms = new double[queries.size() * rounds];
            int i = 0;
            for (int round = 0; round < rounds; round++) {
                for (String q : queries) {
                    long t = System.nanoTime();
                    search.run(q);
                    ms[i++] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(ms);
            double mean = Arrays.stream(ms).average().orElse(0);
            System.out.printf(Locale.ROOT, "%s %d %.3f %.3f %.3f %d%n", engine, buildMs, percentile(ms, 50),
                    percentile(ms, 99), mean, withHits);
        } catch (Exception e) {
            throw new IllegalStateException(engine + " failed", e);
        }
    }

    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private SearchBenchmark() {
    }
}
