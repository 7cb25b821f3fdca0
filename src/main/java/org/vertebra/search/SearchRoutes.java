package org.vertebra.search;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import org.vertebra.content.Slugs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.vertebra.layout.DateText;
import org.vertebra.layout.FrameService;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/** {@code /search/?q=} (and WordPress's {@code /?s=}, sent here), and suggestions as JSON for the header box. */
public final class SearchRoutes {

    static final int PAGE_SIZE = 10;
    static final int SUGGESTIONS = 6;
    /** Longer input is cut here; no one types more, and the index caps its terms anyway. */
    static final int MAX_QUERY_CHARS = 200;

    private final SearchIndex index;
    private final FrameService frames;
    private final Templates templates;
    private final java.util.function.Consumer<String> foundNothing;

    public SearchRoutes(SearchIndex index, FrameService frames, Templates templates) {
        this(index, frames, templates, terms -> { });
    }

    /** @param foundNothing told of each search that found nothing (statistics list them as ideas for articles); must return at once */
    public SearchRoutes(SearchIndex index, FrameService frames, Templates templates, java.util.function.Consumer<String> foundNothing) {
        this.index = index;
        this.frames = frames;
        this.templates = templates;
        this.foundNothing = foundNothing;
    }

    public void register(RoutesConfig routes) {
        routes.get("/search/", this::results, Role.ANYONE);
        routes.get("/api/v1/search", this::suggestions, Role.ANYONE);
    }

    private void results(Context ctx) {
        String query = clean(ctx.queryParam("q"));
        int page = pageNumber(ctx.queryParam("page"));
        ctx.header("Cache-Control", "no-store");
        // Any text typed into the box would otherwise become an indexed page on the clinic's domain.
        ctx.header("X-Robots-Tag", "noindex");
        if (query.isEmpty()) {
            Html.send(ctx, templates.render("search/page.jte", new SearchPage(frame("Search", ""), "", List.of(), 0, null, null,
                    "Type a word or two about what you would like to read, such as \"back pain\" or \"knee\".",
                    null, null, 1, 1)));
            return;
        }
        SearchResults found = index.search(query, page, PAGE_SIZE);
        if (found.totalHits() == 0 && page == 1) {
            foundNothing.accept(query);
        }
        List<SearchPage.Result> results = found.hits().stream().map(h -> new SearchPage.Result("/" + Slugs.inPath(h.slug()) + "/",
                h.title(), DateText.words(h.publishedAt()), DateText.iso(h.publishedAt()), h.snippet().parts())).toList();
        String message = results.isEmpty() ? "Nothing matched \"" + query + "\". Try fewer or more general words."
                : found.allWordsMatched() ? null : "No article has all of these words; these have some of them.";
        Html.send(ctx, templates.render("search/page.jte", new SearchPage(frame("Search results for \"" + query + "\"", query),
                query, results, found.totalHits(), found.didYouMean(),
                found.didYouMean() == null ? null : link(found.didYouMean(), 1), message,
                page > 1 ? link(query, page - 1) : null, page < found.totalPages() ? link(query, page + 1) : null,
                found.page(), Math.max(1, found.totalPages()))));
    }

    private void suggestions(Context ctx) {
        String prefix = clean(ctx.queryParam("q"));
        List<Map<String, String>> suggestions = prefix.isEmpty() ? List.of()
                : index.suggest(prefix, SUGGESTIONS).stream()
                .map(s -> Map.of("title", s.title(), "url", "/" + Slugs.inPath(s.slug()) + "/")).toList();
        ctx.header("Cache-Control", "no-store").json(Map.of("query", prefix, "suggestions", suggestions));
    }

    private org.vertebra.layout.Frame frame(String title, String query) {
        return frames.frame(title, null, query.isEmpty() ? "/search/" : "/search/?q=" + encode(query));
    }

    private static String link(String query, int page) {
        return "/search/?q=" + encode(query) + (page > 1 ? "&page=" + page : "");
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
