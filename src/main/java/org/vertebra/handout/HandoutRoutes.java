package org.vertebra.handout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.vertebra.article.PublishedArticles;
import org.vertebra.author.AuthorService;
import org.vertebra.media.MediaLibrary;
import org.vertebra.web.CachedPage;
import org.vertebra.web.CachedPageResponse;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * {@code /{slug}/handout.pdf}: the article's handout as a PDF made here. A PDF takes a few hundred
 * milliseconds to make, so each is kept in memory (up to {@link #CACHE_BYTES}) until content
 * changes anywhere, on the same signal that empties the page cache; it is then made again on the
 * next request. It is not kept in the page cache itself, which Jetty answers before any route,
 * because a PDF needs its file name (Content-Disposition) on every answer.
 */
final class HandoutRoutes {

    public static final String CONTENT_TYPE = "application/pdf";
    static final long CACHE_BYTES = 48L * 1024 * 1024;

    private final Handouts handouts;
    private final HandoutPdf pdf;
    private final Clock clock;
    private final Cache<String, CachedPage> made = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES)
            .weigher((String slug, CachedPage page) -> page.plain().length())
            .build();
    private final AtomicLong version = new AtomicLong(Long.MIN_VALUE);

    /** @param texts the interface text of a language: a handout's labels are in its article's language */
    HandoutRoutes(PublishedArticles articles, AuthorService authors, MediaLibrary media, Supplier<String> siteTitle,
                         java.util.function.Function<org.vertebra.language.Language, org.vertebra.language.Messages> texts,
                         String baseUrl, Templates templates, Clock clock) {
        this.handouts = new Handouts(articles, authors, media, siteTitle, texts, baseUrl);
        this.pdf = new HandoutPdf(templates, baseUrl, media::file);
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/{slug}/handout.pdf", this::show, Role.ANYONE);
    }

    /** Content changed somewhere (this server or another): every handout is made again when next asked for. */
    public void contentChanged(long newVersion) {
        version.set(newVersion);
        made.invalidateAll();
    }

    private void show(Context ctx) {
        String slug = ctx.pathParam("slug");
        CachedPage page = made.getIfPresent(slug);
        if (page == null) {
            long versionBefore = version.get();
            Optional<CachedPage> rendered = handouts.of(slug)
                    .map(handout -> CachedPage.of(CONTENT_TYPE, pdf.render(handout), clock.instant()));
            if (rendered.isEmpty()) {
                throw new NotFoundResponse();
            }
            page = rendered.get();
            // One made while content changed may be stale: serve it, but do not keep it.
            if (version.get() == versionBefore) {
                made.put(slug, page);
            }
        }
        // Shown in the browser's own viewer, and saved under the article's name rather than "handout.pdf".
        ctx.header("Content-Disposition", "inline; filename=\"" + slug + ".pdf\"");
        ctx.res().setCharacterEncoding(null); // Javalin sets UTF-8 on every response; a PDF has no charset
        CachedPageResponse.send(ctx, page);
    }
}
