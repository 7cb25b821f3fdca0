package org.vertebra.feed;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.vertebra.web.CachedPageResponse;
import org.vertebra.web.PageCache;
import org.vertebra.web.Role;

/** Feeds at WordPress's addresses, the sitemap and robots.txt; all cached until content changes. */
final class FeedRoutes {

    private final FeedService feeds;
    private final PageCache cache;
    private final SitemapFiles sitemaps;

    FeedRoutes(FeedService feeds, PageCache cache, java.time.Clock clock) {
        this(feeds, cache, clock, SitemapParts.PROTOCOL_LIMIT);
    }

    /** @param sitemapFileSize the most addresses a sitemap file holds before an index lists several (tests make it small) */
    FeedRoutes(FeedService feeds, PageCache cache, java.time.Clock clock, int sitemapFileSize) {
        this.feeds = feeds;
        this.cache = cache;
        this.sitemaps = new SitemapFiles(number -> render(number, sitemapFileSize), clock);
    }

    void register(RoutesConfig routes) {
        routes.get("/feed/", ctx -> send(ctx, RssWriter.CONTENT_TYPE, () -> Optional.of(RssWriter.write(feeds.siteFeed(ctx.path())))), Role.ANYONE);
        routes.get("/feed/atom/", ctx -> send(ctx, AtomWriter.CONTENT_TYPE, () -> Optional.of(AtomWriter.write(feeds.siteFeed(ctx.path())))), Role.ANYONE);
        routes.get("/category/{slug}/feed/", ctx -> category(ctx, RssWriter.CONTENT_TYPE, RssWriter::write), Role.ANYONE);
        routes.get("/category/{slug}/feed/atom/", ctx -> category(ctx, AtomWriter.CONTENT_TYPE, AtomWriter::write), Role.ANYONE);
        routes.get("/sitemap.xml", ctx -> sendSitemap(ctx, 0), Role.ANYONE);
        routes.get("/sitemap-{number}.xml", this::sitemapFile, Role.ANYONE);
        routes.get("/robots.txt", this::robots, Role.ANYONE);
    }

    /** A language's feed, {@code /TAG/feed/}: registered late, as ArchiveRoutes.registerLanguages is. */
    void registerLanguages(RoutesConfig routes) {
        routes.get("/{lang}/feed/", ctx -> send(ctx, RssWriter.CONTENT_TYPE,
                () -> feeds.languageFeed(ctx.pathParam("lang"), ctx.path()).map(RssWriter::write)), Role.ANYONE);
        routes.get("/{lang}/feed/atom/", ctx -> send(ctx, AtomWriter.CONTENT_TYPE,
                () -> feeds.languageFeed(ctx.pathParam("lang"), ctx.path()).map(AtomWriter::write)), Role.ANYONE);
    }

    /** The sitemaps are rendered ahead of requests: tell them of every content change (and scheduled publication). */
    public void contentChanged(long version) {
        sitemaps.contentChanged(version);
    }

    /** File 0: all addresses while they fit in one file, else the index of the numbered files. */
    private Optional<byte[]> render(int number, int perFile) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
        if (number == 0) {
            feeds.writeSitemap(perFile, out);
            return Optional.of(out.toByteArray());
        }
        return feeds.writeSitemapFile(perFile, number, out) ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    private void sitemapFile(Context ctx) {
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("number"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        if (number < 1) {
            throw new NotFoundResponse();
        }
        sendSitemap(ctx, number);
    }

    private void sendSitemap(Context ctx, int number) {
        CachedPageResponse.send(ctx, sitemaps.get(number).orElseThrow(NotFoundResponse::new));
    }

    private void category(Context ctx, String contentType, Function<Feed, byte[]> writer) {
        send(ctx, contentType, () -> feeds.categoryFeed(ctx.pathParam("slug"), ctx.path()).map(writer));
    }

    private void send(Context ctx, String contentType, java.util.function.Supplier<Optional<byte[]>> render) {
        CachedPageResponse.send(ctx, cache.get(ctx.path(), contentType, render).orElseThrow(NotFoundResponse::new));
    }

    private void robots(Context ctx) {
        String text = """
                User-agent: *
                Disallow: /admin/
                Disallow: /api/
                Disallow: /search/
                Disallow: /?s=

                Sitemap: %s/sitemap.xml
                """.formatted(feeds.baseUrl());
        ctx.contentType("text/plain; charset=utf-8").result(text.getBytes(StandardCharsets.UTF_8));
    }
}
