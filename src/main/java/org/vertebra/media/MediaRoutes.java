package org.vertebra.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vertebra.web.ConditionalRequest;
import org.vertebra.web.Role;

/**
 * Serves the library's files at {@code /media/...} from whichever {@link MediaStore} holds them,
 * with an ETag so a browser revalidates with a 304, and single byte ranges (206) so that audio and
 * video players can seek. A path is never rewritten, so a file is kept
 * in memory once read (up to a budget), and the database is asked once per file and node. A file
 * can be deleted, though: this node forgets it at once ({@link #forget}), and every node forgets
 * what it holds when the content counter moves ({@link #forgetAll}), which a deletion bumps.
 */
final class MediaRoutes {

    static final String CACHE_CONTROL = "public, max-age=604800";
    private static final long MEMORY_BUDGET_BYTES = 64L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp", "gif", "image/gif");

    private final MediaStore store;
    private final Cache<String, Served> served = Caffeine.newBuilder()
            .maximumWeight(MEMORY_BUDGET_BYTES)
            .weigher((String path, Served file) -> file.bytes().length + path.length())
            .build();

    record Served(byte[] bytes, String etag, String contentType) {
    }

    MediaRoutes(MediaStore store) {
        this.store = store;
    }

    void register(RoutesConfig routes) {
        routes.get("/media/<path>", this::serve, Role.ANYONE);
    }

    /** Drops these paths from memory, so they are read from the store again (and answer 404 when deleted). */
    public void forget(java.util.Collection<String> paths) {
        served.invalidateAll(paths);
    }

    /** Drops every file from memory: content changed somewhere, perhaps a deletion on another node. */
    public void forgetAll() {
        served.invalidateAll();
    }

    private void serve(Context ctx) {
        String path = ctx.pathParam("path");
        Optional<Served> file = MediaStore.isSafe(path) ? find(path) : Optional.empty();
        if (file.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("Not found\n");
            return;
        }
        ctx.header("Cache-Control", CACHE_CONTROL).header("ETag", file.get().etag()).header("Accept-Ranges", "bytes");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ConditionalRequest.matchesAny(ifNoneMatch, file.get().etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.res().setCharacterEncoding(null); // Javalin sets UTF-8 on every response; an image has no charset
        ctx.res().setContentType(file.get().contentType());
        byte[] bytes = file.get().bytes();
        String ifRange = ctx.header("If-Range");
        // A range of another version of the file would be garbage: If-Range names the version it wants.
        Optional<ByteRange> range = ifRange == null || ifRange.equals(file.get().etag())
                ? ByteRange.of(ctx.header("Range"), bytes.length) : Optional.empty();
        if (range.isEmpty()) {
            ctx.result(bytes);
        } else if (!range.get().satisfiable()) {
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE).header("Content-Range", "bytes */" + bytes.length).result(new byte[0]);
        } else {
            ctx.status(HttpStatus.PARTIAL_CONTENT).header("Content-Range", range.get().contentRange(bytes.length));
            ctx.result(Arrays.copyOfRange(bytes, (int) range.get().first(), (int) range.get().last() + 1));
        }
    }

    private Optional<Served> find(String path) {
        Served cached = served.getIfPresent(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Served> read = store.read(path).map(bytes -> new Served(bytes, etag(bytes), contentType(path)));
        read.ifPresent(file -> served.put(path, file));
        return read;
    }

    private static String contentType(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, PlayableType.ofExtension(extension).map(t -> t.contentType)
                .orElse("application/octet-stream"));
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
