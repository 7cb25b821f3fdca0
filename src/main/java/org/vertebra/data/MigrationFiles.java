package org.vertebra.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The highest migration this build carries, read from the names of its migration files in the jar
 * (or the classes folder). Cheap enough to ask at every start, unlike Flyway, whose set-up and
 * scan cost a fifth of a second: a database already at this version is left alone.
 */
final class MigrationFiles {

    static final String FOLDER = "db/migration";
    private static final Pattern NAME = Pattern.compile("(?:^|/)V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql$");

    private MigrationFiles() {
    }

    /** The latest version, or empty when the files cannot be listed this way (then Flyway decides). */
    static Optional<MigrationVersion> latest() {
        try {
            Path source = Path.of(MigrationFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<String> names = Files.isDirectory(source) ? namesIn(source.resolve(FOLDER)) : namesInJar(source)) {
                return names.map(NAME::matcher).filter(Matcher::find)
                        .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                        .max(Comparator.naturalOrder());
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Stream<String> namesIn(Path folder) throws IOException {
        return Files.isDirectory(folder) ? Files.list(folder).map(p -> p.getFileName().toString()) : Stream.empty();
    }

    private static Stream<String> namesInJar(Path jar) throws IOException {
        JarFile file = new JarFile(jar.toFile());
        return file.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith(FOLDER + "/"))
                .onClose(() -> {
                    try {
                        file.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
