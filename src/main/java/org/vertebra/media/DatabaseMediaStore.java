package org.vertebra.media;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The library's files in the database, so that every node on one PostgreSQL serves every upload
 * and a database backup holds the media too. Writes join the caller's transaction: an import that
 * fails leaves no file behind.
 */
public final class DatabaseMediaStore implements MediaStore {

    private final MediaFileRepository files;
    private final Clock clock;

    public DatabaseMediaStore(Jdbi jdbi, Clock clock) {
        this.files = new MediaFileRepository(jdbi);
        this.clock = clock;
    }

    @Override
    public void write(String path, byte[] bytes) {
        check(path);
        files.insert(path, bytes, clock.instant());
    }

    @Override
    public boolean exists(String path) {
        return files.exists(path);
    }

    @Override
    public Optional<byte[]> read(String path) {
        return files.bytes(path);
    }

    @Override
    public void delete(String path) {
        files.delete(path);
    }

    @Override
    public boolean joinsTransactions() {
        return true;
    }

    private static void check(String path) {
        if (!MediaStore.isSafe(path)) {
            throw new IllegalArgumentException("not a media path: " + path);
        }
    }
}
