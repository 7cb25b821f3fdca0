package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped stylesheets are well formed. A media query left open once turned every rule after it
 * into a phone-only rule (the desk's filters, the Markdown toolbar, two-step enrolment); browsers
 * forgive it silently, so a test has to say it.
 */
class StylesheetsTest {

    private static final Path FOLDER = Path.of("src/main/resources/static/css");

    @Test
    void everyStylesheetClosesEveryBlockItOpens() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".css")).sorted().toList()) {
                String problem = unbalanced(Files.readString(file, StandardCharsets.UTF_8));
                if (problem != null) {
                    problems.add(file.getFileName() + ": " + problem);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void findsABlockLeftOpen() {
        assertThat(unbalanced("@media (max-width: 40rem) {\n  a { color: red; }\n\nb { color: blue; }\n"))
                .isEqualTo("a block opened on line 1 is never closed");
        assertThat(unbalanced("a { content: \"}\"; } /* { */")).isNull();
        assertThat(unbalanced("a { color: red; }}")).isEqualTo("line 1 closes a block that was never opened");
    }

    /** Null when every brace outside comments and strings is matched; else what is wrong, by line. */
    static String unbalanced(String css) {
        List<Integer> open = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                end = end < 0 ? css.length() : end + 1;
                line += (int) css.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = css.indexOf(c, i + 1);
                i = end < 0 ? css.length() : end;
            } else if (c == '{') {
                open.add(line);
            } else if (c == '}') {
                if (open.isEmpty()) {
                    return "line " + line + " closes a block that was never opened";
                }
                open.remove(open.size() - 1);
            }
        }
        return open.isEmpty() ? null : "a block opened on line " + open.get(0) + " is never closed";
    }
}
