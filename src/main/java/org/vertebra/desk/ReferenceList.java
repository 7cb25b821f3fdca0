package org.vertebra.desk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adds a reference to the end of a Markdown text's References section, making the section when there is none. */
final class ReferenceList {

    private static final Pattern REFERENCES = Pattern.compile("(?im)^#{1,6}[ \\t]+(references|sources)[ \\t#]*$");
    private static final Pattern ANY_HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+\\S");

    private ReferenceList() {
    }

    static String append(String markdown, String reference) {
        String text = markdown.replace("\r\n", "\n").stripTrailing();
        String item = "- " + reference.strip();
        int sectionStart = -1;
        Matcher heading = REFERENCES.matcher(text);
        while (heading.find()) {
            sectionStart = heading.end();
        }
        if (sectionStart < 0) {
            return (text.isEmpty() ? "" : text + "\n\n") + "## References\n\n" + item + "\n";
        }
        Matcher next = ANY_HEADING.matcher(text);
        int sectionEnd = next.find(sectionStart) ? next.start() : text.length();
        String before = text.substring(0, sectionEnd).stripTrailing();
        String after = text.substring(sectionEnd);
        return before + "\n" + item + "\n" + (after.isEmpty() ? "" : "\n" + after + "\n");
    }
}
