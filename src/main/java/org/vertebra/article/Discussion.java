package org.vertebra.article;

import java.util.Map;
import java.util.Set;
import org.vertebra.layout.CommentSection;

/**
 * The readers' comments under an article page. The comment feature provides it (app/WebServer
 * wires it in), so this package shows comments without reading them.
 */
public interface Discussion {

    /**
     * Query parameters that change the section for one visitor (a notice after sending a comment,
     * the comment being answered). A request with any of them is rendered for itself, never cached.
     */
    Set<String> parameters();

    /** The section under this published article, given the request's values of {@link #parameters()}; null for none. */
    CommentSection section(Article article, Map<String, String> parameters);

    /** No comments anywhere. */
    static Discussion none() {
        return new Discussion() {
            @Override
            public Set<String> parameters() {
                return Set.of();
            }

            @Override
            public CommentSection section(Article article, Map<String, String> parameters) {
                return null;
            }
        };
    }
}
