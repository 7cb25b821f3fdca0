package org.vertebra.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup file: entries first, each with its size and SHA-256 noted, then the manifest.
 * It writes to {@code FILE.partial} and renames at the end, so an interrupted backup never leaves
 * a file that looks whole.
 */
final class ArchiveWriter implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path target;
    private final Path partial;
    private final ZipOutputStream zip;
    private final List<BackupManifest.Entry> entries = new ArrayList<>();
    private boolean finished;

    ArchiveWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        this.partial = this.target.resolveSibling(this.target.getFileName() + ".partial");
        this.zip = new ZipOutputStream(Files.newOutputStream(partial));
    }

    /** A folder beside the backup file for scratch files, on the same disk. */
    Path scratchFolder() {
        return target.getParent();
    }

    /** An entry to write into; closing the stream ends the entry (the archive stays open). */
    OutputStream entry(String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        return new FilterOutputStream(zip) {
            private long size;

            @Override
            public void write(int b) throws IOException {
                zip.write(b);
                sha.update((byte) b);
                size++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                zip.write(bytes, offset, length);
                sha.update(bytes, offset, length);
                size += length;
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
                entries.add(new BackupManifest.Entry(name, size, HexFormat.of().formatHex(sha.digest())));
            }
        };
    }

    void file(String name, Path file) throws IOException {
        try (OutputStream out = entry(name)) {
            Files.copy(file, out);
        }
    }

    int entryCount() {
        return entries.size();
    }

    /** Writes the manifest, closes the archive and gives it its real name. */
    void finish(BackupManifest withoutEntries) throws IOException {
        BackupManifest manifest = new BackupManifest(withoutEntries.format(), withoutEntries.version(),
                withoutEntries.createdAt(), withoutEntries.database(), withoutEntries.schemaVersion(),
                withoutEntries.tables(), List.copyOf(entries));
        zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            zip.close();
            Files.deleteIfExists(partial);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
