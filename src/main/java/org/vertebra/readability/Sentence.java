package org.vertebra.readability;

import java.util.List;

/** One sentence with the line it starts on and its words. */
record Sentence(String text, int line, List<String> words) {
}
