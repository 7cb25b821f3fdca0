package org.vertebra.wordpress;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a flat PHP {@code serialize()}d array, as WordPress plug-ins store one in a term's
 * description: {@code a:2:{s:2:"en";i:12;s:2:"es";i:14;}} gives {en=12, es=14}. Strings,
 * integers, booleans and null as values; a nested array is skipped. A string's length counts
 * UTF-8 bytes, as PHP counts it, so the text is read as bytes.
 */
final class PhpSerialized {

    private final byte[] bytes;
    private int at;

    private PhpSerialized(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The array's entries as text, in order; empty when the text is not a serialized array. */
    static Map<String, String> array(String text) {
        if (text == null || !text.strip().startsWith("a:")) {
            return Map.of();
        }
        try {
            PhpSerialized reader = new PhpSerialized(text.strip());
            Map<String, String> entries = new LinkedHashMap<>();
            reader.readArray(entries);
            return entries;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private void readArray(Map<String, String> into) {
        expect('a');
        expect(':');
        int count = Integer.parseInt(until(':'));
        expect('{');
        for (int i = 0; i < count; i++) {
            String key = value();
            String value = value();
            if (into != null && value != null) {
                into.put(key, value);
            }
        }
        expect('}');
    }

    /** The next value as text; null for null and for a nested array (read past). */
    private String value() {
        char type = (char) bytes[at];
        switch (type) {
            case 's' -> {
                at += 2;
                int length = Integer.parseInt(until(':'));
                expect('"');
                String text = new String(bytes, at, length, StandardCharsets.UTF_8);
                at += length;
                expect('"');
                expect(';');
                return text;
            }
            case 'i', 'b', 'd' -> {
                at += 2;
                return until(';');
            }
            case 'N' -> {
                at += 1;
                expect(';');
                return null;
            }
            case 'a' -> {
                readArray(null);
                return null;
            }
            default -> throw new IllegalArgumentException("not a serialized value at " + at);
        }
    }

    private String until(char end) {
        int start = at;
        while (bytes[at] != end) {
            at++;
        }
        String text = new String(bytes, start, at - start, StandardCharsets.US_ASCII);
        at++;
        return text;
    }

    private void expect(char c) {
        if (bytes[at] != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + at);
        }
        at++;
    }
}
