package org.vertebra.feed;

import io.javalin.config.RoutesConfig;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.AuthorService;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;
import org.vertebra.taxonomy.TaxonomyService;

/** The feeds, the sitemap and robots.txt. */
public final class FeedFeature implements Feature {

    private final PublishedArticles articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private FeedRoutes routes;

    public FeedFeature(PublishedArticles articles, AuthorService authors, TaxonomyService taxonomy) {
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
    }

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        this.routes = new FeedRoutes(new FeedService(articles, authors, taxonomy, web.frames()::siteTitle, web.baseUrl(),
                web.frames()::text), web.cache(), web.clock());
        routes.register(config);
    }

    /** The sitemap files are rendered again in the background. */
    @Override
    public void contentChanged(long version) {
        routes.contentChanged(version);
    }

    /** A language's feeds ({@code /es/feed/}): to be tried after every literal address they could shadow. */
    public Feature languages() {
        return new Feature() {
            @Override
            public String name() {
                return FeedFeature.this.name();
            }

            @Override
            public void routes(RoutesConfig config, WebParts web) {
                routes.registerLanguages(config);
            }
        };
    }
}
