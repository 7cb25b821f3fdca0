package org.vertebra.support;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The checked-in inputs of one parser's fuzz test, {@code src/test/resources/fuzz/PARSER/}: the seeds
 * it started from and every input that once broke it (named {@code crash-...} or for what it found).
 * The tests replay each one on every build; {@code bench/fuzz.sh} fuzzes from them and adds what it finds.
 */
public final class FuzzCorpus {

    /**
     * How long one input may take. The parsers answer in microseconds; this is generous for a
     * loaded shared machine and still far below what a hang (a loop that never ends) takes.
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(5);

    private FuzzCorpus() {
    }

    /** Every file of {@code fuzz/PARSER/}, named by its file name, as the bytes to feed the parser. */
    public static Stream<Named<byte[]>> of(String parser) {
        URL folder = FuzzCorpus.class.getResource("/fuzz/" + parser);
        if (folder == null) {
            throw new IllegalStateException("no corpus at src/test/resources/fuzz/" + parser);
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(file -> Named.of(file.getFileName().toString(), read(file))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one input through a property, failing it when it takes longer than {@link #TIME_LIMIT}. */
    public static void withinTimeLimit(Runnable check) {
        assertTimeoutPreemptively(TIME_LIMIT, check::run, "the parser took longer than " + TIME_LIMIT.toSeconds()
                + " s on this input: a hang");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
