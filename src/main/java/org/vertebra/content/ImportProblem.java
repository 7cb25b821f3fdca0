package org.vertebra.content;

/**
 * What is wrong with an imported file, at a line of that file (1-based), reported to the user
 * as {@code FILE:LINE: message}.
 */
public final class ImportProblem extends RuntimeException {

    private final int line;

    public ImportProblem(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
