package org.vertebra.wordpress;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;

/**
 * The one resolver of old WordPress addresses: a request that nothing else answered (or one of
 * WordPress's query forms at the root, {@code /?p=7}) is looked up among the addresses the import
 * recorded. An article is followed to its current slug, and only while readers may see it, so a
 * draft's old address stays a 404.
 */
public final class LegacyUrls {

    private final WordPressRepository repository;
    private final PublishedArticles articles;

    public LegacyUrls(Jdbi jdbi, PublishedArticles articles) {
        this.repository = new WordPressRepository(jdbi);
        this.articles = articles;
    }

    /** Where an old path (decoded, as a request gives it) now is. */
    public Optional<String> forPath(String path) {
        if (path == null || path.equals("/") || path.isEmpty()) {
            return Optional.empty();
        }
        return lookUp(LegacyPaths.key(LegacyPaths.decode(path)));
    }

    /** Where one of WordPress's root query forms (p, page_id, attachment_id, cat, tag, author, feed) now is. */
    public Optional<String> forRootQuery(Function<String, String> parameter) {
        for (String name : LegacyPaths.ROOT_PARAMETERS) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                Optional<String> found = name.equals("feed") ? feed(value) : lookUp(LegacyPaths.rootQuery(name, value));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** WordPress's feeds at /?feed=rss2 and the comments feed, which Vertebra does not have, lead to the site's feed. */
    private static final Map<String, String> FEEDS = Map.of("rss2", "/feed/", "rss", "/feed/", "atom", "/feed/atom/",
            "comments-rss2", "/feed/", "rdf", "/feed/");

    private static Optional<String> feed(String kind) {
        return Optional.ofNullable(FEEDS.get(kind.strip()));
    }

    /** A Location header carries ASCII: a category's address in another script is sent percent-encoded. */
    private static String ascii(String target) {
        try {
            return java.net.URI.create(target).toASCIIString();
        } catch (IllegalArgumentException notAnAddress) {
            return target;
        }
    }

    private Optional<String> lookUp(String key) {
        if (key.equals("/comments/feed/")) {
            return Optional.of("/feed/");
        }
        return repository.legacy(key).flatMap(target -> {
            if (target.articleId() == null) {
                return Optional.ofNullable(target.target()).map(LegacyUrls::ascii);
            }
            return articles.byId(target.articleId()).filter(articles::isPublic).map(Article::url);
        });
    }
}
