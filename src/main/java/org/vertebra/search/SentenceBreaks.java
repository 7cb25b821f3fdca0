package org.vertebra.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;

/**
 * Sentence boundaries for snippets, found by looking only at the characters around a position:
 * a sentence ends at a line break, or at {@code . ! ?} (perhaps followed by a closing quote or
 * bracket) followed by white space. The JDK's rule-based sentence iterator is more thorough but
 * walks the text from the start; it took most of a search's time on long articles, and a snippet
 * that breaks after "e.g." now and then costs a reader nothing. The boundaries are found in one
 * pass when first asked for, and each question after that is a binary search: the highlighter asks
 * around every match, and scanning from each one cost a seventh of a search. A body's boundaries
 * are also found when it is indexed ({@link #stored}), and kept beside it for searches to read.
 */
final class SentenceBreaks extends BreakIterator {

    private static final int[] NONE = new int[0];
    private static final String CLOSERS = "\"')]\u201d\u2019";
    private static final String STOPS = ".!?\u2026";

    private final Map<CharSequence, int[]> known;
    private String text = "";
    private int current;
    /** The boundaries strictly inside the text, in order; null until first needed. */
    private int[] inner;

    /** Boundaries found by scanning each text given. */
    SentenceBreaks() {
        this(Map.of());
    }

    /**
     * @param known the boundaries of texts whose boundaries were found before (a body's, kept in
     *              the index by {@link #stored}), by the identity of the text given to
     *              {@link #setText(String)}; any other text is scanned
     */
    SentenceBreaks(Map<CharSequence, int[]> known) {
        this.known = known;
    }

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
        inner = newText == null ? null : known.get(newText);
    }

    /**
     * The boundaries of a body as the index keeps them beside it, so that making its snippet need
     * not scan it: that scan of each hit's whole body was a fifth of a search's CPU time. The
     * body's length comes first, so boundaries are never used for another text. Changing the rule
     * ({@link #isBoundary}) means raising {@link IndexVersion#CURRENT}, so the kept ones are made again.
     */
    static byte[] stored(String body) {
        int[] bounds = scan(body);
        byte[] bytes = new byte[5 * (bounds.length + 2)]; // a vInt takes at most five bytes
        ByteArrayDataOutput out = new ByteArrayDataOutput(bytes);
        try {
            out.writeVInt(body.length());
            out.writeVInt(bounds.length);
            int last = 0;
            for (int bound : bounds) {
                out.writeVInt(bound - last);
                last = bound;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array never fails to take bytes
        }
        return Arrays.copyOf(bytes, out.getPosition());
    }

    /**
     * The boundaries kept by {@link #stored} for a body of {@code bodyLength} characters, of which
     * the highlighter was given the first {@code length}; null when they were kept for another text.
     */
    static int[] fromStored(byte[] stored, int bodyLength, int length) {
        ByteArrayDataInput in = new ByteArrayDataInput(stored);
        if (in.readVInt() != bodyLength) {
            return null;
        }
        int[] bounds = new int[in.readVInt()];
        int count = 0;
        int at = 0;
        while (count < bounds.length) {
            at += in.readVInt();
            if (at >= length) {
                break; // past the part given: a boundary is strictly inside the text
            }
            bounds[count++] = at;
        }
        return count == bounds.length ? bounds : Arrays.copyOf(bounds, count);
    }

    @Override
    public void setText(CharacterIterator source) {
        StringBuilder copy = new StringBuilder(source.getEndIndex() - source.getBeginIndex());
        for (char c = source.first(); c != CharacterIterator.DONE; c = source.next()) {
            copy.append(c);
        }
        setText(copy.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int next() {
        if (current >= text.length()) {
            return DONE;
        }
        return current = following(current);
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) {
            result = next();
        }
        for (int i = 0; i > n && result != DONE; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int previous() {
        if (current <= 0) {
            return DONE;
        }
        return current = preceding(current);
    }

    /** The first boundary after {@code offset}; the end of the text when there is none. */
    @Override
    public int following(int offset) {
        checkOffset(offset);
        int[] bounds = inner();
        int i = firstAbove(bounds, offset);
        return current = i < bounds.length ? bounds[i] : text.length();
    }

    /** The last boundary before {@code offset}; the start of the text when there is none. */
    @Override
    public int preceding(int offset) {
        checkOffset(offset);
        int[] bounds = inner();
        int i = firstAbove(bounds, offset - 1) - 1;
        return current = i >= 0 ? bounds[i] : 0;
    }

    /** The index of the first boundary greater than {@code offset}, or the length when none is. */
    private static int firstAbove(int[] bounds, int offset) {
        int low = 0;
        int high = bounds.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (bounds[mid] <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int[] inner() {
        if (inner == null) {
            inner = scan(text);
        }
        return inner;
    }

    /**
     * Every offset where {@link #isBoundary} holds, inside the text, in one pass: a boundary can
     * only start a word after white space, so the scan looks at the characters before a word only
     * once per run of white space instead of once per character. This pass over each hit's whole
     * body was a tenth of a search's time; it reads a copy of the characters rather than the
     * string, and decides ASCII white space without a call, which with the server's C1-only JIT
     * made it three times cheaper.
     */
    private static int[] scan(String text) {
        char[] chars = text.toCharArray();
        int[] found = new int[16];
        int count = 0;
        int length = chars.length;
        int at = 0;
        while (at < length) {
            char c = chars[at];
            if ((c > ' ' && c < 0x7f) || !isSpace(c)) {
                at++;
                continue;
            }
            int runStart = at;
            boolean lineBreak = false;
            while (at < length && isSpace(chars[at])) {
                lineBreak |= chars[at] == '\n';
                at++;
            }
            if (at < length && (lineBreak || endsSentence(chars, runStart - 1))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = at;
            }
        }
        return count == 0 ? NONE : Arrays.copyOf(found, count);
    }

    /** Whether the text up to {@code last} ends a sentence: a stop, perhaps inside closing quotes or brackets. */
    private static boolean endsSentence(char[] text, int last) {
        int before = last;
        while (before > 0 && isCloser(text[before])) {
            before--;
        }
        return before >= 0 && isStop(text[before]);
    }

    private static boolean endsSentence(String text, int last) {
        int before = last;
        while (before > 0 && isCloser(text.charAt(before))) {
            before--;
        }
        return before >= 0 && isStop(text.charAt(before));
    }

    private static boolean isCloser(char c) {
        return CLOSERS.indexOf(c) >= 0;
    }

    private static boolean isStop(char c) {
        return STOPS.indexOf(c) >= 0;
    }

    /**
     * {@link Character#isWhitespace}: for ASCII without the call (tab to carriage return, the four
     * separators 0x1c to 0x1f, and the space), which is what most text is.
     */
    private static boolean isSpace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || c >= 0x1c;
        }
        return c >= 0x7f && Character.isWhitespace(c);
    }

    @Override
    public boolean isBoundary(int offset) {
        if (offset <= 0 || offset >= text.length()) {
            return offset == 0 || offset == text.length();
        }
        if (!Character.isWhitespace(text.charAt(offset - 1)) || Character.isWhitespace(text.charAt(offset))) {
            return false;
        }
        int before = offset - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            if (text.charAt(before) == '\n') {
                return true;
            }
            before--;
        }
        return endsSentence(text, before);
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
    }
}
