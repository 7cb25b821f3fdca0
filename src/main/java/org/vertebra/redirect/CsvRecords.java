package org.vertebra.redirect;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it and as spreadsheets save it: comma separated, fields quoted when
 * they hold a comma, a quote (doubled) or a line break, lines ended by CRLF, LF or CR. Blank lines
 * are skipped. Each record keeps the line it starts on, so a problem can be shown where it is.
 */
final class CsvRecords {

    /** One record: the line it starts on (from 1) and its fields. */
    record Record(int line, List<String> fields) {
    }

    /** The text is not CSV at this line. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private CsvRecords() {
    }

    /** The records of {@code text} (without a byte order mark). */
    static List<Record> parse(String text) throws Malformed {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                int quoteLine = line;
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new Malformed(quoteLine, "a quoted field is not closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        if (q == '\n' || (q == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        field.append(q);
                        i++;
                    }
                }
                fieldStarted = true;
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new Malformed(line, "text after a closing quote; a quote inside a quoted field is written twice (\"\")");
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                fields.add(field.toString());
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
        if (fields.size() > 1 || !fields.get(0).isBlank()) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }
}
