package org.vertebra.article;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vertebra.author.AuthorService;
import org.vertebra.content.Slugs;
import org.vertebra.layout.CommentSection;
import org.vertebra.layout.FrameService;
import org.vertebra.media.MediaLibrary;
import org.vertebra.web.CachedPage;
import org.vertebra.web.CachedPageResponse;
import org.vertebra.web.Html;
import org.vertebra.web.PageCache;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * {@code /{slug}/}: an article or a static page, or a 301 when the slug was renamed, or else what
 * the next answer at one segment gives (a language's home, {@code /es/}). In that order: an
 * article whose slug is a language's tag keeps its address, and the language's home is then
 * reached from its pages and feed only. Registered last, since its pattern would match any
 * one-segment path.
 */
public final class ArticleRoutes {

    private final PublishedArticles articles;
    private final ArticlePages pages;
    private final Templates templates;
    private final PageCache cache;
    private final String baseUrl;
    private final Discussion discussion;
    private final OneSegment otherwise;

    /** What else a one-segment address may be; answers (and returns true) or returns false for not found. */
    @FunctionalInterface
    public interface OneSegment {
        boolean answer(Context ctx, String segment);
    }

    /** @param otherwise what a one-segment address is when no article has it, nor had it */
    ArticleRoutes(PublishedArticles articles, ArticleCards cards, AuthorService authors, MediaLibrary media,
                         FrameService frames, Templates templates, PageCache cache, String baseUrl,
                         Discussion discussion, OneSegment otherwise) {
        this.otherwise = otherwise;
        this.articles = articles;
        this.pages = new ArticlePages(articles, cards, authors, media, frames);
        this.templates = templates;
        this.cache = cache;
        this.baseUrl = baseUrl;
        this.discussion = discussion;
    }

    /** Adds generated sections to the end of the page with this slug (the Policies page's cookie and privacy policies). */
    public void addSections(String slug, java.util.function.Supplier<List<org.vertebra.layout.PageSection>> sections) {
        pages.addSections(slug, sections);
    }

    void register(RoutesConfig routes) {
        routes.get("/{slug}/", this::show, Role.ANYONE);
    }

    /**
     * The page of this article with the given comments section, rendered for one request and not
     * cached: a refused comment is shown again with what was typed.
     */
    public byte[] render(Article article, CommentSection comments) {
        return templates.render("article/page.jte", pages.page(article, baseUrl, comments));
    }

    private byte[] render(ArticlePages.Read read, Map<String, String> parameters) {
        List<Long> cardIds = read.parts().related().stream().map(ArticleCard::id).toList();
        return templates.render("article/page.jte",
                pages.page(read, baseUrl, discussion.section(read.article(), parameters, cardIds)));
    }

    private void show(Context ctx) {
        // Stored slugs are NFC text; the address carries their UTF-8 bytes percent-encoded.
        String slug = Slugs.fromPath(ctx.pathParam("slug"));
        Map<String, String> personal = new HashMap<>();
        for (String name : discussion.parameters()) {
            String value = ctx.queryParam(name);
            if (value != null) {
                personal.put(name, value);
            }
        }
        if (personal.isEmpty()) {
            Optional<CachedPage> page = cache.get("/" + slug + "/", () -> articles.publishedPage(slug)
                    .map(read -> render(read, Map.of())));
            if (page.isPresent()) {
                CachedPageResponse.send(ctx, page.get());
                return;
            }
        } else {
            Optional<byte[]> page = articles.publishedPage(slug).map(read -> render(read, personal));
            if (page.isPresent()) {
                Html.send(ctx, page.get());
                return;
            }
        }
        Optional<String> renamed = articles.renamedTo(slug);
        if (renamed.isPresent()) {
            ctx.redirect("/" + Slugs.inPath(renamed.get()) + "/", HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (!otherwise.answer(ctx, slug)) {
            throw new NotFoundResponse();
        }
    }
}
