package org.vertebra.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of the classpath (in the jar, or the classes folder in development) copied out as plain
 * files. Reading a folder inside the jar means opening the jar as a file system, whose index of
 * its 25,000 entries takes megabytes of heap while it is open: copied out, it is closed at once.
 */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /**
     * Copies the classpath {@code folder} (such as {@code /static}) into a new temporary folder and
     * returns that folder; {@code marker} is a file known to be in it ({@code /static/css/site.css}),
     * by which the folder is found in the jar or the classes folder.
     */
    public static Path copyOut(String folder, String marker, String prefix) {
        if (!marker.startsWith(folder + "/")) {
            throw new IllegalArgumentException(marker + " is not in " + folder);
        }
        URL found = ClasspathFolder.class.getResource(marker);
        if (found == null) {
            throw new IllegalStateException(marker + " is missing from this build");
        }
        try {
            Path target = Files.createTempDirectory(prefix);
            URI uri = found.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyTree(jar.getPath(folder), target);
                }
            } else {
                Path source = Path.of(uri);
                for (long up = marker.substring(folder.length()).chars().filter(c -> c == '/').count(); up > 0; up--) {
                    source = source.getParent();
                }
                copyTree(source, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + folder + " out of the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a folder that {@link #copyOut} made; a leftover in the temporary folder is harmless. */
    public static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    // With its time: the static files' Last-Modified is the time they have in the build.
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
