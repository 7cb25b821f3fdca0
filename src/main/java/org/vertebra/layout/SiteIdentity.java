package org.vertebra.layout;

import java.util.Arrays;
import java.util.List;

/**
 * How the site names itself on every page: its title, an optional tagline under it, and an
 * optional footer text shown beside the copyright line.
 */
public record SiteIdentity(String title, String tagline, String footer) {

    /** The footer text's paragraphs (split at blank lines); none when there is no footer text. */
    public List<String> footerParagraphs() {
        return footer == null ? List.of()
                : Arrays.stream(footer.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
