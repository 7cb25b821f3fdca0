package org.vertebra.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The library's files in a folder ({@code DATA/media/} by default), each written whole or not at all. */
public final class MediaFolder implements MediaStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediaFolder.class);

    private final Path folder;

    public MediaFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void write(String path, byte[] bytes) {
        Path target = resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    @Override
    public Optional<byte[]> read(String path) {
        try {
            return Optional.of(Files.readAllBytes(resolve(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the media folder", e);
        }
    }

    @Override
    public void delete(String path) {
        try {
            Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            // No row points at it any more, but /media/ would still serve it: say so, without failing the deletion.
            LOG.warn("cannot remove {} from the media folder: {}", path, e.getMessage());
        }
    }

    private Path resolve(String path) {
        if (!MediaStore.isSafe(path)) {
            throw new IllegalArgumentException("not a media path: " + path);
        }
        return folder.resolve(path);
    }
}
