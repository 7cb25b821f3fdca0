package org.vertebra.media;

import java.util.Optional;

/**
 * Where the library's files live: a folder on this server ({@link MediaFolder}, for one server or
 * a folder that several share), or a table in the database ({@link DatabaseMediaStore}, the default on
 * PostgreSQL, so every node serves every upload with nothing more to run). Paths are relative and
 * forward-slashed ({@code 2024/06/heel-640w.jpg}); a path is written once and never changed.
 */
public interface MediaStore {

    void write(String path, byte[] bytes);

    boolean exists(String path);

    Optional<byte[]> read(String path);

    /** Removes a file: one written for an item that was then not stored, or one of a deleted item. */
    void delete(String path);

    /**
     * True when writes and deletions join the caller's database transaction (the table), so a
     * deleted item's bytes go with its row or not at all; false when they cannot be undone (the
     * folder), so they are removed only after the row's deletion is committed.
     */
    default boolean joinsTransactions() {
        return false;
    }

    /** True when a path can name a file: relative, without {@code ..}, of the characters uploads get. */
    static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.length() > 400 || path.startsWith("/") || path.contains("//")) {
            return false;
        }
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || !part.matches("[A-Za-z0-9._-]+")) {
                return false;
            }
        }
        return true;
    }
}
