package org.vertebra.layout;

import java.util.Arrays;
import java.util.List;
import org.vertebra.language.Language;

/**
 * How the site names itself on every page: its title, an optional tagline under it, an optional
 * footer text shown beside the copyright line, and the language its pages are in unless an
 * article's own language says otherwise.
 */
public record SiteIdentity(String title, String tagline, String footer, Language language) {

    /** A site in English, the language a site has until an administrator sets another. */
    public SiteIdentity(String title, String tagline, String footer) {
        this(title, tagline, footer, Language.ENGLISH);
    }

    public SiteIdentity {
        language = language == null ? Language.ENGLISH : language;
    }

    /** The footer text's paragraphs (split at blank lines); none when there is no footer text. */
    public List<String> footerParagraphs() {
        return footer == null ? List.of()
                : Arrays.stream(footer.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
