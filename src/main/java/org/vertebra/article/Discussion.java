package org.vertebra.article;

import java.util.Collection;
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

    /**
     * The section under this published article, given the request's values of {@link #parameters()},
     * with how many approved comments each of the {@code counted} articles has (the page's related
     * cards): the page's comments read at once, not the section and then the cards.
     */
    Section section(Article article, Map<String, String> parameters, Collection<Long> counted);

    /**
     * A comment section and the approved comments' counts of the articles asked about.
     *
     * @param comments null for none
     * @param counts by article id; an article without approved comments may be left out
     */
    record Section(CommentSection comments, Map<Long, Integer> counts) {
        public Section {
            counts = Map.copyOf(counts);
        }
    }

    /** No comments anywhere. */
    static Discussion none() {
        return new Discussion() {
            @Override
            public Set<String> parameters() {
                return Set.of();
            }

            @Override
            public Section section(Article article, Map<String, String> parameters, Collection<Long> counted) {
                return new Section(null, Map.of());
            }
        };
    }
}
