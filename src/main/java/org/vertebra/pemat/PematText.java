package org.vertebra.pemat;

import java.util.List;

/** What the check reads: the article's Markdown body, and its key points and actions when it has them. */
public record PematText(String markdownBody, List<String> keyPoints, List<String> actions) {

    public PematText {
        markdownBody = markdownBody == null ? "" : markdownBody;
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static PematText of(String markdownBody) {
        return new PematText(markdownBody, List.of(), List.of());
    }
}
