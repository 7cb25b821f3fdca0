package org.vertebra.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A folder of the classpath (in the jar, or the classes folder in development) copied out as plain
 * files: served from the jar, Jetty would keep it mounted as a file system, whose index of its
 * 25,000 entries takes megabytes of heap.
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
                copyFromJar(((JarURLConnection) found.openConnection()).getJarFileURL(), folder, target);
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

    /**
     * Copies the jar's entries under {@code folder}, read from its central directory: mounting the
     * jar as a file system instead would index all of its entries first (a tenth of a second of
     * every start).
     */
    private static void copyFromJar(URL jarFile, String folder, Path target) throws IOException, URISyntaxException {
        String prefix = folder.substring(1) + "/";
        try (JarFile jar = new JarFile(Path.of(jarFile.toURI()).toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                    continue;
                }
                Path destination = target.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("unexpected entry " + entry.getName());
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setLastModifiedTime(destination, entry.getLastModifiedTime());
            }
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
