package org.vertebra.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The site's CSS, scripts and icons (about 70 kB), read into memory once at start with a gzip form
 * and an entity tag each, and served by {@link CachedPageHandler} like a cached page. Their
 * Last-Modified is the file's time in the build.
 */
public final class StaticAssets {

    public static final String PATH = "/static/";
    /** A day: the file names carry no version, so a changed stylesheet reaches browsers by the next day. */
    public static final String CACHE_CONTROL = "public, max-age=86400";
    public static final StaticAssets NONE = new StaticAssets(Map.of());

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "woff2", "font/woff2", "json", "application/json",
            "txt", "text/plain; charset=utf-8", "webmanifest", "application/manifest+json");

    private final Map<String, CachedPage> files;

    private StaticAssets(Map<String, CachedPage> files) {
        this.files = files;
    }

    /** Reads the classpath folder {@code /static} (found by one file known to be in it). */
    public static StaticAssets load(String marker) {
        Path copy = ClasspathFolder.copyOut(PATH.substring(0, PATH.length() - 1), marker, "vertebra-static");
        try (Stream<Path> walk = Files.walk(copy)) {
            Map<String, CachedPage> files = new HashMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = copy.relativize(file).toString().replace('\\', '/');
                files.put(PATH + relative, CachedPage.of(typeOf(relative), Files.readAllBytes(file),
                        Files.getLastModifiedTime(file).toInstant(), CACHE_CONTROL));
            }
            return new StaticAssets(Map.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static files", e);
        } finally {
            ClasspathFolder.delete(copy);
        }
    }

    /** The file at this request path, or null. */
    public CachedPage get(String path) {
        return files.get(path);
    }

    private static String typeOf(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
