package org.vertebra.layout;

import java.util.List;

/**
 * An author as pages show them: the author box under an article and the head of /author/{slug}/.
 *
 * @param bioHtml  the bio rendered from its small Markdown subset and sanitized; may be null
 * @param links    the website first, then the profile links, each with a label naming its site
 */
public record AuthorView(String name, String url, String credentials, String bioHtml, ImageView photo,
                         List<Link> links) {

    /** A link of the author's, labelled by the site it goes to ("Website", "ORCID", ...). */
    public record Link(String label, String url) {
    }
}
