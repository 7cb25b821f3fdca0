package org.vertebra.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.vertebra.content.ImportProblem;

/**
 * The Markdown files that command-line paths name, and their text; shared by {@code import} and
 * {@code check} so both read the same files the same way.
 */
public final class MarkdownPaths {

    private MarkdownPaths() {
    }

    /**
     * Files as given, and folders searched recursively for {@code .md} files (sorted); each file
     * once. A path that is neither is passed to {@code missing} with what is wrong.
     */
    public static List<Path> expand(List<Path> paths, BiConsumer<Path, String> missing) {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted()
                            .filter(p -> seen.add(p.toAbsolutePath().normalize())).forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    missing.accept(path, "cannot read folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                if (seen.add(path.toAbsolutePath().normalize())) {
                    files.add(path);
                }
            } else {
                missing.accept(path, "no such file or folder");
            }
        }
        return files;
    }

    /**
     * The file's text, strictly UTF-8.
     *
     * @throws ImportProblem        at line 1 when the bytes are not UTF-8
     * @throws UncheckedIOException when the file cannot be read
     */
    public static String readUtf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ImportProblem(1, "file is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
