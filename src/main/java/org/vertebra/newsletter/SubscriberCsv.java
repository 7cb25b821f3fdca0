package org.vertebra.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vertebra.form.Invalid;
import org.vertebra.form.Problems;

/**
 * The list as CSV (RFC 4180: commas, double quotes, CRLF). Export writes
 * {@code email,status,subscribed_at,confirmed_at}; a cell that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) is prefixed with an apostrophe.
 * Import reads {@code email[,status]} lines, with or without that header and with any further
 * columns ignored, so an export reads back in.
 */
final class SubscriberCsv {

    static final String HEADER = "email,status,subscribed_at,confirmed_at";
    static final int MAX_LINES = 100_000;

    /** One address to import, with the status the CSV gives it ({@link Subscriber#PENDING} when it gives none). */
    record Row(int line, String email, String status) {
    }

    private SubscriberCsv() {
    }

    static String write(List<Subscriber> subscribers) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Subscriber s : subscribers) {
            csv.append(cell(s.email())).append(',').append(cell(s.status())).append(',')
                    .append(cell(iso(s.createdAt()))).append(',').append(cell(iso(s.confirmedAt()))).append("\r\n");
        }
        return csv.toString();
    }

    /** Every row, or {@link Invalid} naming each bad line by its number (field {@code csv}). */
    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        Problems problems = new Problems();
        String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r\n|\r|\n", -1);
        if (lines.length > MAX_LINES) {
            throw Invalid.of("csv", "The file has " + lines.length + " lines; import at most " + MAX_LINES + " at a time.");
        }
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            if (lines[i].isBlank() || i == 0 && lines[i].strip().toLowerCase(Locale.ROOT).startsWith("email")) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            String email = unguard(cells.get(0)).strip().toLowerCase(Locale.ROOT);
            String status = cells.size() > 1 ? unguard(cells.get(1)).strip().toLowerCase(Locale.ROOT) : "";
            Problems line = new Problems();
            line.email("csv", "The address", email);
            if (!line.isEmpty()) {
                problems.add("csv", "Line " + number + ": \"" + shorten(cells.get(0)) + "\" is not an email address.");
            } else if (!status.isEmpty() && !List.of(Subscriber.PENDING, Subscriber.CONFIRMED, Subscriber.UNSUBSCRIBED).contains(status)) {
                problems.add("csv", "Line " + number + ": the status \"" + shorten(status)
                        + "\" is not one of pending, confirmed, unsubscribed.");
            } else {
                rows.add(new Row(number, email, status.isEmpty() ? Subscriber.PENDING : status));
            }
        }
        problems.check();
        if (rows.isEmpty()) {
            throw Invalid.of("csv", "There is no address to import. Paste lines such as name@example.org,confirmed.");
        }
        return rows;
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
