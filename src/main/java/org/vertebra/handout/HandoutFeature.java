package org.vertebra.handout;

import io.javalin.config.RoutesConfig;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.AuthorService;
import org.vertebra.media.MediaLibrary;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** An article's printable handout, {@code /{slug}/handout.pdf}. */
public final class HandoutFeature implements Feature {

    private final PublishedArticles articles;
    private final AuthorService authors;
    private final MediaLibrary media;
    private HandoutRoutes routes;

    public HandoutFeature(PublishedArticles articles, AuthorService authors, MediaLibrary media) {
        this.articles = articles;
        this.authors = authors;
        this.media = media;
    }

    @Override
    public String name() {
        return "handout";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        this.routes = new HandoutRoutes(articles, authors, media, web.frames()::siteTitle, web.frames()::text, web.baseUrl(),
                web.templates(), web.clock());
        routes.register(config);
    }

    /** Handouts made before the change are made again when asked for. */
    @Override
    public void contentChanged(long version) {
        routes.contentChanged(version);
    }
}
