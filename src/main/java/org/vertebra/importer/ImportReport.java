package org.vertebra.importer;

import java.util.ArrayList;
import java.util.List;

/** What an import did with each file; problems are written as {@code FILE:LINE: message}. */
public final class ImportReport {

    private final List<String> imported = new ArrayList<>();
    private final java.util.function.Consumer<String> importedLines;
    private int importedCount;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int draftsOnPurpose;
    private String stopped;

    /** A report that keeps every line, for callers that read them at the end. */
    public ImportReport() {
        this.importedLines = imported::add;
    }

    /**
     * A report that hands each imported file's line to {@code importedLines} as it is committed
     * and keeps only their count, so that an import of 100,000 files holds no list of them.
     */
    public ImportReport(java.util.function.Consumer<String> importedLines) {
        this.importedLines = importedLines;
    }

    void imported(String line) {
        importedCount++;
        importedLines.accept(line);
    }

    /** How many files were imported. */
    public int importedCount() {
        return importedCount;
    }

    /** Adds what this report holds, but the imported files, to another: a file's warnings once it committed. */
    void copyTo(ImportReport other) {
        other.problems.addAll(problems);
        other.warnings.addAll(warnings);
        other.notes.addAll(notes);
        other.draftsOnPurpose += draftsOnPurpose;
    }

    void problem(String file, int line, String message) {
        problems.add(file + ":" + line + ": " + message);
    }

    void warning(String file, String message) {
        warnings.add(file + ": " + message);
    }

    void note(String message) {
        notes.add(message);
    }

    /** A published article without a disclosure that came in as a draft because the person asked for it (--as-drafts). */
    void draftOnPurpose() {
        draftsOnPurpose++;
    }

    /** Nothing was imported, for the reason given (exit 2). */
    void stop(String message) {
        stopped = message;
    }

    public boolean isStopped() {
        return stopped != null;
    }

    /** Why nothing was imported; null when the import ran. */
    public String stopReason() {
        return stopped;
    }

    public List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        if (draftsOnPurpose > 0) {
            all.add(org.vertebra.trust.ImportDisclosure.draftsMessage(draftsOnPurpose, "article"));
        }
        return all;
    }

    public List<String> imported() {
        return List.copyOf(imported);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean hasProblems() {
        return stopped != null || !problems.isEmpty();
    }
}
