package org.vertebra.readability;

/** A sentence over {@link Readability#LONG_SENTENCE_WORDS} words, at the line it starts on. */
public record LongSentence(int line, int words, String text) {

    LongSentence movedDown(int lines) {
        return new LongSentence(line + lines, words, text);
    }
}
