package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader streams: an export several times larger than the heap of the JVM that reads it
 * reads through. (The whole import of 10,000 posts, with time and peak heap, is
 * bench/wordpress-import.sh.)
 */
class StreamingReadTest {

    @TempDir
    Path temp;

    @Test
    void exportFarLargerThanTheHeapReadsThroughInAChildJvmWith32Megabytes() throws IOException, InterruptedException {
        Path export = temp.resolve("large.xml");
        LargeExport.write(export, 5000, 40, 3);
        assertThat(Files.size(export)).isGreaterThan(64L * 1024 * 1024);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                LargeExportCount.class.getName(), export.toString())).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).contains("5000 items, 15000 comments");
    }
}
