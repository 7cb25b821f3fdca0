package org.vertebra.newsletter;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vertebra.form.Problems;

/**
 * The list as CSV (RFC 4180: commas, double quotes, CRLF). Export writes
 * {@code email,status,subscribed_at,confirmed_at}; a cell that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
 * Import reads {@code email[,status]} lines, with or without that header and with any further
 * columns ignored, so an export reads back in. Both go a line at a time, so neither holds the
 * list in memory.
 */
final class SubscriberCsv {

    static final String HEADER = "email,status,subscribed_at,confirmed_at";

    /** One address to import, with the status the CSV gives it ({@link Subscriber#PENDING} when it gives none). */
    record Row(int line, String email, String status) {
    }

    /** What one line holds: an address to import, a problem (the line named by its number), or nothing (blank, the header). */
    record Line(Row row, String problem) {
        static final Line NOTHING = new Line(null, null);
    }

    private SubscriberCsv() {
    }

    static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    static void write(Writer out, Subscriber s) throws IOException {
        out.write(cell(s.email()));
        out.write(',');
        out.write(cell(s.status()));
        out.write(',');
        out.write(cell(iso(s.createdAt())));
        out.write(',');
        out.write(cell(iso(s.confirmedAt())));
        out.write("\r\n");
    }

    /** Line {@code number} (from 1) of an import: a header on the first line, like a blank line, holds nothing. */
    static Line read(int number, String text) {
        String line = number == 1 ? text.replace("\uFEFF", "") : text;
        if (line.isBlank() || number == 1 && line.strip().toLowerCase(Locale.ROOT).startsWith("email")) {
            return Line.NOTHING;
        }
        List<String> cells = cells(line);
        String email = unguard(cells.get(0)).strip().toLowerCase(Locale.ROOT);
        String status = cells.size() > 1 ? unguard(cells.get(1)).strip().toLowerCase(Locale.ROOT) : "";
        Problems problems = new Problems();
        problems.email("csv", "The address", email);
        if (!problems.isEmpty()) {
            return new Line(null, "Line " + number + ": \"" + shorten(cells.get(0)) + "\" is not an email address.");
        }
        if (!status.isEmpty() && !SubscriberFilter.STATUSES.contains(status)) {
            return new Line(null, "Line " + number + ": the status \"" + shorten(status)
                    + "\" is not one of pending, confirmed, unsubscribed.");
        }
        return new Line(new Row(number, email, status.isEmpty() ? Subscriber.PENDING : status), null);
    }

    static String cell(String value) {
        return org.vertebra.form.CsvCell.of(value);
    }

    private static String unguard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** The cells of one line: commas separate, double quotes enclose, "" is a quote inside quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
