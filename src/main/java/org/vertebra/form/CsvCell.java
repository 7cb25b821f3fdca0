package org.vertebra.form;

/**
 * One cell of a CSV file that people open in a spreadsheet: quoted when it must be (RFC 4180), and
 * with a leading ' when it starts with =, +, -, @, a tab or CR, so a spreadsheet does not run it
 * as a formula (OWASP's advice on CSV injection).
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String guarded = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (guarded.contains(",") || guarded.contains("\"") || guarded.contains("\n") || guarded.contains("\r")) {
            return "\"" + guarded.replace("\"", "\"\"") + "\"";
        }
        return guarded;
    }
}
