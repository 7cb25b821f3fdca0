import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes the request paths that bench/search-page.sh sends, one a line, in four lists that share
 * no query, so that no list is answered from what another one left in a cache:
 *
 * - warmup.txt: treatments with body parts, and conditions misspelt (a doubled last letter), for the JIT;
 * - fixed.txt: the fixed queries of queries.txt, asked over and over in the repeated runs;
 * - once.txt: the fixed queries and then conditions with body parts, each once, in a fixed shuffle,
 *   for the sequential run where no query was asked before;
 * - fresh.txt: conditions with body parts and treatments (30,240 of them), for the run with eight
 *   clients that asks no query twice.
 *
 * Arguments: QUERIES_FILE OUT_DIR.
 */
public final class QueryPaths {

    public static void main(String[] args) throws IOException {
        List<String> fixed = Files.readAllLines(Path.of(args[0])).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Path out = Path.of(args[1]);
        Files.createDirectories(out);

        List<String> warmup = new ArrayList<>();
        for (String treatment : SearchBenchmark.TREATMENTS) {
            for (String part : SearchBenchmark.PARTS) {
                warmup.add(treatment + " " + part);
            }
        }
        for (String condition : SearchBenchmark.CONDITIONS) {
            warmup.add(condition + condition.charAt(condition.length() - 1));
        }
        List<String> pairs = new ArrayList<>();
        for (String condition : SearchBenchmark.CONDITIONS) {
            for (String part : SearchBenchmark.PARTS) {
                pairs.add(condition + " " + part);
            }
        }
        List<String> once = new ArrayList<>(fixed);
        once.addAll(pairs);
        Collections.shuffle(once, new Random(7));
        List<String> fresh = new ArrayList<>();
        for (String pair : pairs) {
            for (String treatment : SearchBenchmark.TREATMENTS) {
                fresh.add(pair + " " + treatment);
            }
        }
        Collections.shuffle(fresh, new Random(11));
        Collections.shuffle(warmup, new Random(13));

        write(out.resolve("warmup.txt"), warmup);
        write(out.resolve("fixed.txt"), fixed);
        write(out.resolve("once.txt"), once);
        write(out.resolve("fresh.txt"), fresh);
    }

    private static void write(Path file, List<String> queries) throws IOException {
        List<String> paths = queries.stream()
                .map(q -> "/search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).distinct().toList();
        Files.write(file, paths);
    }
}
