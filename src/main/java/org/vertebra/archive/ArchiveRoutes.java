package org.vertebra.archive;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import org.vertebra.article.ArticleCards;
import org.vertebra.article.ArticleQuery;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.AuthorService;
import org.vertebra.author.AuthorViews;
import org.vertebra.layout.FrameService;
import org.vertebra.layout.Social;
import org.vertebra.language.Language;
import org.vertebra.layout.AuthorView;
import org.vertebra.media.MediaLibrary;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.web.CachedPage;
import org.vertebra.web.CachedPageResponse;
import org.vertebra.web.PageCache;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * The home page and the category, tag and author archives, each paged as WordPress pages them:
 * {@code .../page/2/}. The home page and the category archives list the articles in the site's
 * language; each other language that public articles are written in has its own at
 * {@code /TAG/}, {@code /TAG/page/N/} and {@code /TAG/category/SLUG/} (TAG in lower case).
 * Tag and author archives list every language.
 */
final class ArchiveRoutes {

    static final int PAGE_SIZE = 10;

    private final PublishedArticles articles;
    private final ArticleCards cards;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final AuthorViews authorViews;
    private final FrameService frames;
    private final Templates templates;
    private final PageCache cache;

    ArchiveRoutes(PublishedArticles articles, ArticleCards cards, TaxonomyService taxonomy, AuthorService authors,
                         MediaLibrary media, FrameService frames, Templates templates, PageCache cache) {
        this.articles = articles;
        this.cards = cards;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.authorViews = new AuthorViews(media);
        this.frames = frames;
        this.templates = templates;
        this.cache = cache;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> home(ctx, 1), Role.ANYONE);
        routes.get("/page/{n}/", ctx -> home(ctx, pageNumber(ctx)), Role.ANYONE);
        routes.get("/category/{slug}/", ctx -> category(ctx, 1), Role.ANYONE);
        routes.get("/category/{slug}/page/{n}/", ctx -> category(ctx, pageNumber(ctx)), Role.ANYONE);
        routes.get("/tag/{slug}/", ctx -> tag(ctx, 1), Role.ANYONE);
        routes.get("/tag/{slug}/page/{n}/", ctx -> tag(ctx, pageNumber(ctx)), Role.ANYONE);
        routes.get("/author/{slug}/", ctx -> author(ctx, 1), Role.ANYONE);
        routes.get("/author/{slug}/page/{n}/", ctx -> author(ctx, pageNumber(ctx)), Role.ANYONE);
    }

    /**
     * The addresses below a language's home. Registered after every other route (just before the
     * article's), so that a literal address such as {@code /comments/feed/} is never taken for a
     * language's; {@code /TAG/} itself is the article route's to give up (see {@link #languageHome}).
     */
    void registerLanguages(RoutesConfig routes) {
        routes.get("/{lang}/page/{n}/", ctx -> languageHome(ctx, language(ctx), pageNumber(ctx)), Role.ANYONE);
        routes.get("/{lang}/category/{slug}/", ctx -> category(ctx, language(ctx), 1), Role.ANYONE);
        routes.get("/{lang}/category/{slug}/page/{n}/", ctx -> category(ctx, language(ctx), pageNumber(ctx)), Role.ANYONE);
    }

    /**
     * Answers {@code /TAG/} with the home of that language when TAG names a language with one;
     * false (nothing sent) when it does not. The article route asks only after finding no article
     * at that slug, nor an article renamed from it: an article keeps its address.
     */
    public boolean languageHome(Context ctx, String segment) {
        Optional<Language> language = articles.languageWithHome(segment);
        language.ifPresent(l -> languageHome(ctx, l, 1));
        return language.isPresent();
    }

    private Language language(Context ctx) {
        return articles.languageWithHome(ctx.pathParam("lang")).orElseThrow(NotFoundResponse::new);
    }

    private void languageHome(Context ctx, Language language, int page) {
        String base = "/" + PublishedArticles.homeSegment(language) + "/";
        send(ctx, page, base, () -> Optional.of(archive(null, frames.text(language).get("lang.home.heading"), null, null,
                ArticleQuery.home().in(language), base, page, language)));
    }

    private void home(Context ctx, int page) {
        String wordpressSearch = ctx.queryParam("s");
        if (wordpressSearch != null) {
            // WordPress searches at /?s=; links and bookmarks to it keep working.
            ctx.redirect("/search/?q=" + java.net.URLEncoder.encode(wordpressSearch, java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.FOUND);
            return;
        }
        send(ctx, page, "/", () -> Optional.of(archive(null, "Latest articles", null, null,
                articles.inSiteLanguage(ArticleQuery.home()), "/", page, null)));
    }

    private void category(Context ctx, int page) {
        category(ctx, null, page);
    }

    /** @param language the language of the archive: null for the site's, at /category/SLUG/ */
    private void category(Context ctx, Language language, int page) {
        String slug = ctx.pathParam("slug");
        String prefix = language == null ? "" : "/" + PublishedArticles.homeSegment(language);
        Optional<String> renamed = taxonomy.category(slug).isPresent() ? Optional.empty() : taxonomy.categoryRenamedTo(slug);
        if (renamed.isPresent()) {
            // A renamed category keeps its old address: the same page of the new one, for good.
            String rest = ctx.path().substring((prefix + "/category/" + slug + "/").length());
            ctx.redirect(prefix + "/category/" + renamed.get() + "/" + rest, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        send(ctx, page, prefix + "/category/" + slug + "/", () -> taxonomy.category(slug).map(c ->
                archive("Category", c.name(), c.description(), null,
                        language == null ? articles.inSiteLanguage(ArticleQuery.inCategory(c.id()))
                                : ArticleQuery.inCategory(c.id()).in(language),
                        prefix + c.url(), page, language)));
    }

    private void tag(Context ctx, int page) {
        String slug = ctx.pathParam("slug");
        send(ctx, page, "/tag/" + slug + "/", () -> taxonomy.tag(slug).map(t ->
                archive("Tag", t.name(), null, null, ArticleQuery.withTag(t.id()), t.url(), page, null)));
    }

    private void author(Context ctx, int page) {
        String slug = ctx.pathParam("slug");
        send(ctx, page, "/author/" + slug + "/", () -> authors.bySlug(slug).map(a ->
                archive("Author", a.name(), null, authorViews.of(a), ArticleQuery.byAuthor(a.id()), a.url(), page, null)));
    }

    /** Page 1 lives at the archive's own address; a page past the last one is not found. */
    private void send(Context ctx, int page, String base, java.util.function.Supplier<Optional<ArchivePage>> view) {
        if (page == 1 && ctx.path().endsWith("/page/1/")) {
            ctx.redirect(base, HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Optional<CachedPage> html = cache.get(ctx.path(), () -> view.get()
                .filter(p -> page <= p.pagination().total())
                .map(p -> templates.render("archive/page.jte", p)));
        CachedPageResponse.send(ctx, html.orElseThrow(NotFoundResponse::new));
    }

    private ArchivePage archive(String label, String heading, String intro, AuthorView author, ArticleQuery query,
                                String base, int page, Language language) {
        org.vertebra.article.Page<org.vertebra.article.ArticleCard> result = articles.list(query, page, PAGE_SIZE);
        String title = page > 1 ? heading + " - Page " + page : heading;
        String path = page > 1 ? base + "page/" + page + "/" : base;
        String description = intro != null || author == null || author.bioHtml() == null ? intro
                : org.vertebra.layout.Excerpts.cut(org.jsoup.Jsoup.parse(author.bioHtml()).text(), 155);
        return new ArchivePage(frames.frame(label == null && page == 1 ? null : title, description, path, Social.website(), language),
                label, heading,
                intro, author, cards.of(result.items()), new ArchivePage.Pagination(page, result.totalPages(),
                page > 1 ? (page == 2 ? base : base + "page/" + (page - 1) + "/") : null,
                page < result.totalPages() ? base + "page/" + (page + 1) + "/" : null));
    }

    private static int pageNumber(Context ctx) {
        String value = ctx.pathParam("n");
        if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1) {
            throw new NotFoundResponse();
        }
        return Integer.parseInt(value);
    }
}
