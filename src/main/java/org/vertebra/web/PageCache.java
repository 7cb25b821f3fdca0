package org.vertebra.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Rendered public pages, kept until content changes. The server tells it of every change to the
 * database's content counter ({@link #contentChanged(long)}), wherever the change was made, and
 * it drops every page.
 */
public final class PageCache {

    /**
     * The environment variable that, set to {@code off}, renders every page on every request:
     * bench/large-site.sh measures pages as a reader who asks for one nobody asked for since the
     * last change would meet them. Not a setting for a site.
     */
    public static final String OFF_VARIABLE = "VERTEBRA_PAGE_CACHE";

    /**
     * What the kept pages may hold, both forms counted: bounded by their bytes rather than their
     * number, as one sitemap file weighs as much as a hundred articles: a quarter of the launcher's
     * 256 MB heap at most, where 5,000 pages of 40 KB could have filled it.
     */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final Cache<String, CachedPage> pages = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String key, CachedPage page) -> page.weight())
            .build();
    private final boolean on;
    private final AtomicLong version = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Clock clock;

    /**
     * @param clock gives each page its Last-Modified: the moment it was rendered, which is no earlier
     *              than the last change it shows (the cache is emptied on every change)
     */
    public PageCache(Clock clock) {
        this(clock, true);
    }

    public PageCache(Clock clock, boolean on) {
        this.clock = clock;
        this.on = on;
    }

    /** A cache that is on unless this environment says {@code VERTEBRA_PAGE_CACHE=off}. */
    public static PageCache from(java.util.Map<String, String> environment, Clock clock) {
        return new PageCache(clock, !"off".equalsIgnoreCase(environment.getOrDefault(OFF_VARIABLE, "")));
    }

    /** The cached HTML page for this key, or the rendered one when there is any (empty means "not found"). */
    public Optional<CachedPage> get(String key, Supplier<Optional<byte[]>> render) {
        return get(key, Html.CONTENT_TYPE, render);
    }

    /** As {@link #get(String, Supplier)}, for a document of another type (a feed, the sitemap). */
    public Optional<CachedPage> get(String key, String contentType, Supplier<Optional<byte[]>> render) {
        if (!on) {
            misses.increment();
            return render.get().map(bytes -> CachedPage.of(contentType, bytes, clock.instant()));
        }
        CachedPage cached = pages.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached);
        }
        misses.increment();
        long versionBefore = version.get();
        Optional<CachedPage> rendered = render.get().map(bytes -> CachedPage.of(contentType, bytes, clock.instant()));
        // A page rendered while content changed may be stale; serve it but do not keep it.
        if (rendered.isPresent() && version.get() == versionBefore) {
            pages.put(key, rendered.get());
        }
        return rendered;
    }

    /** The cached page for this key, or null; never renders. */
    public CachedPage peek(String key) {
        CachedPage page = on ? pages.getIfPresent(key) : null;
        if (page != null) {
            hits.increment();
        }
        return page; // a miss here goes on to get(), which counts it
    }

    /** The bytes the kept pages hold now, both forms (after pending evictions are done). */
    public long heldBytes() {
        pages.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Pages served from the cache since start, for the operator's metrics. */
    public long hits() {
        return hits.sum();
    }

    /** Pages that had to be rendered since start. */
    public long misses() {
        return misses.sum();
    }

    public void contentChanged(long newVersion) {
        version.set(newVersion);
        pages.invalidateAll();
    }
}
