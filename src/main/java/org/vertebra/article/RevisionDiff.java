package org.vertebra.article;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side, line-by-line comparison of two texts of an article, for the revisions page.
 * Lines both texts share are matched by their longest common subsequence; a run of removed lines
 * followed by added ones is shown as changed lines, side by side.
 */
public final class RevisionDiff {

    /** Above this many line pairs, after the common start and end are set aside, lines are not matched one by one. */
    static final long MAX_CELLS = 4_000_000;

    /** {@code FOLDED} stands for a run of unchanged lines left out of view; its left text says how many. */
    public enum Kind { SAME, CHANGED, REMOVED, ADDED, FOLDED }

    /**
     * One row of the comparison; a side without a line has a null text and line number 0.
     */
    public record Row(Kind kind, int leftNumber, String left, int rightNumber, String right) {
    }

    private RevisionDiff() {
    }

    public static List<Row> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            rows.add(new Row(Kind.SAME, i + 1, a[i], i + 1, b[i]));
        }
        middle(a, start, endA, b, start, endB, rows);
        for (int i = endA, j = endB; i < a.length; i++, j++) {
            rows.add(new Row(Kind.SAME, i + 1, a[i], j + 1, b[j]));
        }
        return rows;
    }

    /**
     * The rows with long runs of unchanged lines folded away, keeping {@code context} lines on
     * each side of a change, so a reader sees what changed in a long article at once.
     */
    public static List<Row> folded(List<Row> rows, int context) {
        if (!changed(rows)) {
            return rows;
        }
        List<Row> shown = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (rows.get(i).kind() != Kind.SAME) {
                shown.add(rows.get(i++));
                continue;
            }
            int end = i;
            while (end < rows.size() && rows.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepBefore = i == 0 ? 0 : context;
            int keepAfter = end == rows.size() ? 0 : context;
            if (end - i > keepBefore + keepAfter + 1) {
                shown.addAll(rows.subList(i, i + keepBefore));
                int hidden = end - i - keepBefore - keepAfter;
                shown.add(new Row(Kind.FOLDED, 0, hidden + " unchanged " + (hidden == 1 ? "line" : "lines"), 0, null));
                shown.addAll(rows.subList(end - keepAfter, end));
            } else {
                shown.addAll(rows.subList(i, end));
            }
            i = end;
        }
        return shown;
    }

    /** Whether the two texts differ at all, line by line. */
    public static boolean changed(List<Row> rows) {
        return rows.stream().anyMatch(r -> r.kind() != Kind.SAME);
    }

    private static void middle(String[] a, int fromA, int toA, String[] b, int fromB, int toB, List<Row> rows) {
        int n = toA - fromA;
        int m = toB - fromB;
        if ((long) n * m > MAX_CELLS) {
            block(a, fromA, toA, b, fromB, toB, rows);
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of a[fromA+i..] and b[fromB+j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[fromA + i].equals(b[fromB + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int pendingA = 0;
        int pendingB = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[fromA + i].equals(b[fromB + j])) {
                block(a, fromA + i - pendingA, fromA + i, b, fromB + j - pendingB, fromB + j, rows);
                pendingA = 0;
                pendingB = 0;
                rows.add(new Row(Kind.SAME, fromA + i + 1, a[fromA + i], fromB + j + 1, b[fromB + j]));
                i++;
                j++;
            } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
                pendingA++;
                i++;
            } else {
                pendingB++;
                j++;
            }
        }
        block(a, fromA + i - pendingA, fromA + i, b, fromB + j - pendingB, fromB + j, rows);
    }

    /** A run of removed and added lines: paired as changed lines, the longer side's rest alone. */
    private static void block(String[] a, int fromA, int toA, String[] b, int fromB, int toB, List<Row> rows) {
        int paired = Math.min(toA - fromA, toB - fromB);
        for (int k = 0; k < paired; k++) {
            rows.add(new Row(Kind.CHANGED, fromA + k + 1, a[fromA + k], fromB + k + 1, b[fromB + k]));
        }
        for (int k = fromA + paired; k < toA; k++) {
            rows.add(new Row(Kind.REMOVED, k + 1, a[k], 0, null));
        }
        for (int k = fromB + paired; k < toB; k++) {
            rows.add(new Row(Kind.ADDED, 0, null, k + 1, b[k]));
        }
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.replace("\r\n", "\n").split("\n", -1);
    }
}
