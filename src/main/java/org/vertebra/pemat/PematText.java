package org.vertebra.pemat;

import java.util.List;

/**
 * What the check reads: the article's Markdown body, its key points and actions when it has them,
 * and its language (a BCP 47 tag), which chooses the sentence splitter, the readability formula
 * and the glossary.
 */
public record PematText(String markdownBody, List<String> keyPoints, List<String> actions, String lang) {

    public PematText {
        markdownBody = markdownBody == null ? "" : markdownBody;
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        actions = actions == null ? List.of() : List.copyOf(actions);
        lang = lang == null || lang.isBlank() ? "en" : lang;
    }

    /** An English text. */
    public PematText(String markdownBody, List<String> keyPoints, List<String> actions) {
        this(markdownBody, keyPoints, actions, "en");
    }

    public static PematText of(String markdownBody) {
        return new PematText(markdownBody, List.of(), List.of());
    }
}
