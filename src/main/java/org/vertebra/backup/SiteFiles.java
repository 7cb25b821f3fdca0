package org.vertebra.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a site beside its database: the media library ({@code media/...}) and the
 * settings files at the top of the data folder ({@code data/...}: vertebra.properties, the
 * synonyms and block lists, key files). Key files belong in the backup, or what they encrypt
 * could not be read after a restore; so a backup file must be kept as safe as the site itself.
 */
final class SiteFiles {

    static final String MEDIA = "media/";
    static final String DATA = "data/";
    /**
     * Each node keeps its own settings file once someone has edited it (it may name this node's
     * database); the untouched one a first run wrote gives way to the backup's.
     */
    static final String NODE_SETTINGS = "vertebra.properties";

    private final Path dataDir;
    private final Path mediaDir;
    private final Path databaseFile;
    private final String untouchedNodeSettings;

    SiteFiles(SiteLocation site, Path databaseFile) {
        this.dataDir = site.dataDir();
        this.mediaDir = site.mediaDir();
        this.databaseFile = databaseFile;
        this.untouchedNodeSettings = site.untouchedNodeSettings();
    }

    int saveMedia(ArchiveWriter archive) throws IOException {
        if (!Files.isDirectory(mediaDir)) {
            return 0;
        }
        int count = 0;
        for (Path file : filesUnder(mediaDir)) {
            archive.file(MEDIA + relativeName(mediaDir, file), file);
            count++;
        }
        return count;
    }

    int saveDataFiles(ArchiveWriter archive) throws IOException {
        int count = 0;
        for (Path file : dataFiles()) {
            archive.file(DATA + file.getFileName(), file);
            count++;
        }
        return count;
    }

    /** Why the folder cannot take this backup, or an empty list. */
    List<String> conflicts(VerifiedBackup backup) throws IOException {
        List<String> conflicts = new ArrayList<>();
        if (Files.isDirectory(mediaDir) && !filesUnder(mediaDir).isEmpty()) {
            conflicts.add("the media folder " + mediaDir + " is not empty");
        }
        for (BackupManifest.Entry entry : backup.entriesUnder(DATA)) {
            Path target = dataDir.resolve(entry.name().substring(DATA.length()));
            if (!entry.name().equals(DATA + NODE_SETTINGS) && Files.exists(target) && !sameContent(backup, entry, target)) {
                conflicts.add(target + " exists and differs from the one in the backup");
            }
        }
        return conflicts;
    }

    int restoreMedia(VerifiedBackup backup) throws IOException {
        return restoreUnder(backup, MEDIA, mediaDir);
    }

    /** Restores the settings files the folder lacks; the node's own settings file is kept. */
    int restoreDataFiles(VerifiedBackup backup) throws IOException {
        int count = 0;
        for (BackupManifest.Entry entry : backup.entriesUnder(DATA)) {
            Path target = dataDir.resolve(entry.name().substring(DATA.length()));
            if (entry.name().equals(DATA + NODE_SETTINGS) && isUntouched(target)) {
                Files.delete(target);
            }
            if (!Files.exists(target)) {
                copyOut(backup, entry.name(), target);
                count++;
            }
        }
        return count;
    }

    private boolean isUntouched(Path nodeSettings) throws IOException {
        return Files.isRegularFile(nodeSettings)
                && Files.readString(nodeSettings, StandardCharsets.UTF_8).equals(untouchedNodeSettings);
    }

    private int restoreUnder(VerifiedBackup backup, String prefix, Path folder) throws IOException {
        List<BackupManifest.Entry> entries = backup.entriesUnder(prefix);
        for (BackupManifest.Entry entry : entries) {
            copyOut(backup, entry.name(), folder.resolve(entry.name().substring(prefix.length())));
        }
        return entries.size();
    }

    private static void copyOut(VerifiedBackup backup, String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = backup.open(name)) {
            Files.copy(in, target);
        }
    }

    private List<Path> dataFiles() throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        String database = databaseFile == null ? null : databaseFile.getFileName().toString();
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> database == null || !f.getFileName().toString().startsWith(database))
                    .filter(f -> !f.getFileName().toString().endsWith(".partial"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String relativeName(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static boolean sameContent(VerifiedBackup backup, BackupManifest.Entry entry, Path file) throws IOException {
        if (Files.size(file) != entry.size()) {
            return false;
        }
        try (InputStream in = backup.open(entry.name())) {
            return Arrays.equals(in.readAllBytes(), Files.readAllBytes(file));
        }
    }
}
