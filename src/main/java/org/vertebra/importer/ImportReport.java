package org.vertebra.importer;

import java.util.ArrayList;
import java.util.List;

/** What an import did with each file; problems are written as {@code FILE:LINE: message}. */
public final class ImportReport {

    private final List<String> imported = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void imported(String line) {
        imported.add(line);
    }

    void problem(String file, int line, String message) {
        problems.add(file + ":" + line + ": " + message);
    }

    void warning(String file, String message) {
        warnings.add(file + ": " + message);
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
        return !problems.isEmpty();
    }
}
