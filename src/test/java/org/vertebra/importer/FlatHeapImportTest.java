package org.vertebra.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown import keeps nothing per file but a hash of its slug and its place in the run
 * (about 24 bytes), so 100,000 files import in the heap that 1,000 do (issue 17). Shown on 8,000
 * generated files in a child JVM with a 48 MB heap: the heap left after a full collection once all
 * are in is within 400 KB of what it was after the first quarter (the slugs' table grows by about
 * 150 KB). Keeping each file's article (its Markdown, HTML and text, about 6 KB here) would add 36
 * MB over the last 6,000 files and fail, or run the child out of memory; so would a map of the
 * slugs as strings (about 140 bytes a file, 830 KB). The size keeps the test under a minute on a
 * shared two-core machine; the timed import of 100,000 files is bench/large-site.sh. SQLite only:
 * the heap is the JVM's, whatever the database.
 */
class FlatHeapImportTest {

    private static final int FILES = 8_000;
    private static final long ALLOWED_GROWTH = 400L * 1024;
    private static final Pattern HEAP = Pattern.compile("heap after (\\d+): (\\d+)");

    @TempDir
    Path temp;

    @Test
    void heapAfterCollectionDoesNotGrowWithTheFilesImported() throws IOException, InterruptedException {
        LargeMarkdownSite.write(temp.resolve("md"), FILES, 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx48m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), ImportHeapProbe.class.getName(),
                temp.resolve("data").toString(), temp.resolve("md").toString(), String.valueOf(FILES)))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).as(output).contains("imported " + FILES + ", problems 0");

        Matcher m = HEAP.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(m.group(1)).isEqualTo(String.valueOf(FILES / 4));
        long quarter = Long.parseLong(m.group(2));
        assertThat(m.find()).as(output).isTrue();
        assertThat(m.group(1)).isEqualTo(String.valueOf(FILES));
        long end = Long.parseLong(m.group(2));
        assertThat(end - quarter).as("heap growth over the last three quarters of the files (%s)", output)
                .isLessThan(ALLOWED_GROWTH);
    }
}
