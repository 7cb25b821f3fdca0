package org.vertebra.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vertebra.content.Slugs;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;
import org.vertebra.layout.DateText;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.layout.Social;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * {@code /search/?q=} (and WordPress's {@code /?s=}, sent here) searches the articles in the site's
 * language; {@code /es/search/?q=} those in another language, with that language's analysis, on a
 * page in that language. Suggestions as JSON for the header box, in the language it asks for.
 *
 * <p>A search finds the articles of its own language only: a reader of the Spanish pages wants
 * Spanish articles, and a word can mean another thing in another language.
 */
final class SearchRoutes {

    static final int PAGE_SIZE = 10;
    static final int SUGGESTIONS = 6;
    /** Longer input is cut here; no one types more, and the index caps its terms anyway. */
    static final int MAX_QUERY_CHARS = 200;

    private final java.util.function.Supplier<SearchIndex> index;
    private final FrameService frames;
    private final Templates templates;
    private final Consumer<String> foundNothing;

    /**
     * @param index        the index, waited for while it opens
     * @param foundNothing told of each search that found nothing (statistics list them as ideas for articles); must return at once
     */
    SearchRoutes(java.util.function.Supplier<SearchIndex> index, FrameService frames, Templates templates,
                 Consumer<String> foundNothing) {
        this.index = index;
        this.frames = frames;
        this.templates = templates;
        this.foundNothing = foundNothing;
    }

    void register(RoutesConfig routes) {
        routes.get("/search/", ctx -> results(ctx, frames.siteLanguage()), Role.ANYONE);
        routes.get("/{lang}/search/", this::resultsInLanguage, Role.ANYONE);
        routes.get("/api/v1/search", this::suggestions, Role.ANYONE);
    }

    /** Another language's search; the site's own language and tags written otherwise ("ES") go to their one address. */
    private void resultsInLanguage(Context ctx) {
        String typed = ctx.pathParam("lang");
        Language lang = Language.parse(typed).orElseThrow(NotFoundResponse::new);
        Language site = frames.siteLanguage();
        if (lang.equals(site) || !lang.tag().equals(typed)) {
            String query = ctx.queryString();
            ctx.redirect(searchPath(lang, site) + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        results(ctx, lang);
    }

    private void results(Context ctx, Language lang) {
        String query = clean(ctx.queryParam("q"));
        int page = pageNumber(ctx.queryParam("page"));
        String path = searchPath(lang, frames.siteLanguage());
        Messages text = frames.text(lang);
        ctx.header("Cache-Control", "no-store");
        // Any text typed into the box would otherwise become an indexed page on the clinic's domain.
        ctx.header("X-Robots-Tag", "noindex");
        if (query.isEmpty()) {
            Html.send(ctx, templates.render("search/page.jte", new SearchPage(frame(text.get("search.title"), path, "", lang),
                    path, "", List.of(), 0, null, null, text.get("search.prompt"), null, null, 1, 1)));
            return;
        }
        SearchResults found = index.get().search(query, lang, page, PAGE_SIZE);
        if (found.totalHits() == 0 && page == 1) {
            foundNothing.accept(query);
        }
        List<SearchPage.Result> results = found.hits().stream().map(h -> new SearchPage.Result("/" + Slugs.inPath(h.slug()) + "/",
                h.title(), text.date(h.publishedAt()), DateText.iso(h.publishedAt()), h.snippet().parts())).toList();
        String message = results.isEmpty() ? text.format("search.nothing", query)
                : found.allWordsMatched() ? null : text.get("search.some_words");
        Html.send(ctx, templates.render("search/page.jte", new SearchPage(
                frame(text.format("search.results_for", query), path, query, lang), path,
                query, results, found.totalHits(), found.didYouMean(),
                found.didYouMean() == null ? null : link(path, found.didYouMean(), 1), message,
                page > 1 ? link(path, query, page - 1) : null, page < found.totalPages() ? link(path, query, page + 1) : null,
                found.page(), Math.max(1, found.totalPages()))));
    }

    /** {@code ?q=} the typed words, {@code &lang=} the page's language (absent: the site's). */
    private void suggestions(Context ctx) {
        String prefix = clean(ctx.queryParam("q"));
        Language lang = Language.parse(ctx.queryParam("lang")).orElseGet(frames::siteLanguage);
        List<Map<String, String>> suggestions = prefix.isEmpty() ? List.of()
                : index.get().suggest(prefix, lang, SUGGESTIONS).stream()
                .map(s -> Map.of("title", s.title(), "url", "/" + Slugs.inPath(s.slug()) + "/")).toList();
        ctx.header("Cache-Control", "no-store").json(Map.of("query", prefix, "suggestions", suggestions));
    }

    private Frame frame(String title, String path, String query, Language lang) {
        return frames.frame(title, null, query.isEmpty() ? path : path + "?q=" + encode(query), Social.website(), lang);
    }

    /** Where a language's search page is: {@code /search/} for the site's language, {@code /es/search/} for another. */
    static String searchPath(Language lang, Language site) {
        return lang.equals(site) ? "/search/" : "/" + lang.tag() + "/search/";
    }

    private static String link(String path, String query, int page) {
        return path + "?q=" + encode(query) + (page > 1 ? "&page=" + page : "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = raw.strip();
        return trimmed.length() > MAX_QUERY_CHARS ? trimmed.substring(0, MAX_QUERY_CHARS) : trimmed;
    }

    private static int pageNumber(String raw) {
        if (raw == null || !raw.matches("\\d{1,4}")) {
            return 1;
        }
        return Math.max(1, Integer.parseInt(raw));
    }
}
