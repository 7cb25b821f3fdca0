package org.vertebra.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A backup file read whole and found intact: its manifest parses, every entry it names is there
 * with the size and SHA-256 it was written with, and no entry's name escapes the folder it is
 * restored into. Only then does a restore touch anything.
 */
final class VerifiedBackup implements AutoCloseable {

    private final ZipFile zip;
    private final BackupManifest manifest;

    private VerifiedBackup(ZipFile zip, BackupManifest manifest) {
        this.zip = zip;
        this.manifest = manifest;
    }

    static VerifiedBackup open(Path file) throws DamagedBackup {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new DamagedBackup(file + " is not a complete backup: it is cut short or not a Vertebra backup at all ("
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DamagedBackup("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            BackupManifest manifest = readManifest(zip, file);
            checkEntries(zip, manifest, file);
            return new VerifiedBackup(zip, manifest);
        } catch (DamagedBackup | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    BackupManifest manifest() {
        return manifest;
    }

    InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the backup has no entry " + name);
        }
        return zip.getInputStream(entry);
    }

    /** The manifest's entries under a prefix such as {@code media/}. */
    List<BackupManifest.Entry> entriesUnder(String prefix) {
        return manifest.entries().stream().filter(e -> e.name().startsWith(prefix)).toList();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static BackupManifest readManifest(ZipFile zip, Path file) throws DamagedBackup {
        ZipEntry entry = zip.getEntry(BackupManifest.NAME);
        if (entry == null) {
            throw new DamagedBackup(file + " has no manifest: it is not a Vertebra backup, or its writing was interrupted");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = ArchiveWriter.JSON.readValue(in, BackupManifest.class);
        } catch (IOException e) {
            throw new DamagedBackup(file + " has a damaged manifest: " + e.getMessage(), e);
        }
        if (!BackupManifest.FORMAT.equals(manifest.format())) {
            throw new DamagedBackup(file + " is not a Vertebra backup (its manifest says format '" + manifest.format() + "')");
        }
        if (manifest.version() > BackupManifest.VERSION) {
            throw new DamagedBackup(file + " was written by a newer Vertebra (backup format " + manifest.version()
                    + "); restore it with that version");
        }
        return manifest;
    }

    private static void checkEntries(ZipFile zip, BackupManifest manifest, Path file) throws DamagedBackup {
        Set<String> seen = new HashSet<>();
        for (BackupManifest.Entry expected : manifest.entries()) {
            if (!isSafeName(expected.name()) || !seen.add(expected.name())) {
                throw new DamagedBackup(file + " names an entry that cannot be restored safely: " + expected.name());
            }
            ZipEntry entry = zip.getEntry(expected.name());
            if (entry == null) {
                throw new DamagedBackup(file + " is incomplete: " + expected.name() + " is missing");
            }
            checkContent(zip, entry, expected, file);
        }
    }

    private static void checkContent(ZipFile zip, ZipEntry entry, BackupManifest.Entry expected, Path file)
            throws DamagedBackup {
        MessageDigest sha = ArchiveWriter.sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
        } catch (IOException e) {
            throw new DamagedBackup(file + " is damaged: " + expected.name() + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (size != expected.size() || !HexFormat.of().formatHex(sha.digest()).equals(expected.sha256())) {
            throw new DamagedBackup(file + " is damaged: " + expected.name() + " differs from what was written");
        }
    }

    /** Relative, forward-slashed, without {@code ..}: an entry can only land inside its folder. */
    static boolean isSafeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }
}
