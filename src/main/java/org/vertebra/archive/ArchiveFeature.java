package org.vertebra.archive;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.vertebra.article.ArticleCards;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.AuthorService;
import org.vertebra.media.MediaLibrary;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;
import org.vertebra.taxonomy.TaxonomyService;

/** The home page and the archives: by category, tag, author and date, and each language's home. */
public final class ArchiveFeature implements Feature {

    private final PublishedArticles articles;
    private final ArticleCards cards;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final MediaLibrary media;
    private ArchiveRoutes routes;

    public ArchiveFeature(PublishedArticles articles, ArticleCards cards, TaxonomyService taxonomy, AuthorService authors,
                          MediaLibrary media) {
        this.articles = articles;
        this.cards = cards;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.media = media;
    }

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        this.routes = new ArchiveRoutes(articles, cards, taxonomy, authors, media, web.frames(), web.templates(), web.cache());
        routes.register(config);
    }

    /** A language's pages ({@code /es/page/2/}): to be tried after every literal address they could shadow. */
    public Feature languages() {
        return new Feature() {
            @Override
            public String name() {
                return ArchiveFeature.this.name();
            }

            @Override
            public void routes(RoutesConfig config, WebParts web) {
                routes.registerLanguages(config);
            }
        };
    }

    /** Answers a one-segment address that is a language's home ({@code /es/}); false when it is not. */
    public boolean languageHome(Context ctx, String segment) {
        return routes.languageHome(ctx, segment);
    }
}
