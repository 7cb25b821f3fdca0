package org.vertebra.wordpress;

/** An export that cannot be read on: malformed or truncated XML, or not a WordPress export at all. */
final class WxrProblem extends RuntimeException {

    private final int line;
    private final int column;

    WxrProblem(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code FILE:LINE:COLUMN: message}, as compilers write it; {@code FILE: message} when no place is known (line 0). */
    public String describe(String file) {
        return line > 0 ? file + ":" + line + ":" + column + ": " + getMessage() : file + ": " + getMessage();
    }
}
