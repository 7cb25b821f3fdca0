package org.vertebra.redirect;

import java.nio.file.Path;
import java.util.List;

/**
 * A file of redirects as {@link RedirectFileReader} read it, before anything is checked against
 * the site: every row in file order, those that cannot come across marked with the reason.
 */
public record RedirectFile(Path path, Format format, List<Row> rows) {

    public enum Format {
        REDIRECTION_CSV("the Redirection plug-in's CSV export"),
        REDIRECTION_JSON("the Redirection plug-in's JSON export"),
        PLAIN_CSV("a CSV of source, target and code");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One redirect of the file.
     *
     * @param line    where it starts in the file, from 1
     * @param source  the old address as the file gives it (a full address already cut to its path)
     * @param kind    null when the row is left out
     * @param leftOut why the row cannot come across (a regular expression, disabled, a code Vertebra
     *                does not answer); null when it can
     */
    public record Row(int line, String source, String target, RedirectKind kind, String note, String leftOut) {

        static Row leftOut(int line, String source, String reason) {
            return new Row(line, source, null, null, null, reason);
        }

        boolean isLeftOut() {
            return leftOut != null;
        }
    }
}
