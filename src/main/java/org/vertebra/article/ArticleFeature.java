package org.vertebra.article;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vertebra.author.AuthorService;
import org.vertebra.layout.CommentSection;
import org.vertebra.layout.PageSection;
import org.vertebra.media.MediaLibrary;
import org.vertebra.consent.ConsentCategory;
import org.vertebra.consent.CookieEntry;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/**
 * {@code /{slug}/}: an article or a page. Its pattern matches any one-segment path, so app/ puts
 * this feature last.
 */
public final class ArticleFeature implements Feature {

    /**
     * The outside services an article's video loads once the reader accepts Marketing
     * (content/VideoEmbeds), which the consent banner and the Cookie Policy list.
     */
    public static final List<CookieEntry> VIDEO_SERVICES = List.of(
            new CookieEntry(ConsentCategory.MARKETING, "YouTube videos",
                    "Plays a video in an article once you choose to load it, from youtube-nocookie.com.",
                    "Set by YouTube; see Google's privacy policy", "Google (YouTube)"),
            new CookieEntry(ConsentCategory.MARKETING, "Vimeo videos",
                    "Plays a video in an article once you choose to load it, from player.vimeo.com.",
                    "Set by Vimeo; see Vimeo's privacy policy", "Vimeo"));

    private final PublishedArticles articles;
    private final ArticleCards cards;
    private final AuthorService authors;
    private final MediaLibrary media;
    private final Discussion discussion;
    private final ArticleRoutes.OneSegment otherwise;
    private final Map<String, Supplier<List<PageSection>>> generated;
    private ArticleRoutes routes;

    /**
     * @param discussion what an article page shows of its comments
     * @param otherwise  what a one-segment address is when no article has it, nor had it
     * @param generated  sections added to the end of the page with each slug (the Policies page's policies)
     */
    public ArticleFeature(PublishedArticles articles, ArticleCards cards, AuthorService authors, MediaLibrary media,
                          Discussion discussion, ArticleRoutes.OneSegment otherwise,
                          Map<String, Supplier<List<PageSection>>> generated) {
        this.articles = articles;
        this.cards = cards;
        this.authors = authors;
        this.media = media;
        this.discussion = discussion;
        this.otherwise = otherwise;
        this.generated = Map.copyOf(generated);
    }

    @Override
    public String name() {
        return "article";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        this.routes = new ArticleRoutes(articles, cards, authors, media, web.frames(), web.templates(), web.cache(),
                web.baseUrl(), discussion, otherwise);
        generated.forEach(routes::addSections);
        routes.register(config);
    }

    /** The page of this article with the given comment section, rendered for one request and not cached. */
    public byte[] render(Article article, CommentSection comments) {
        return routes.render(article, comments);
    }
}
