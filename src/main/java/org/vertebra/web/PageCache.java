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

    private final Cache<String, CachedPage> pages = Caffeine.newBuilder().maximumSize(5_000).build();
    private final AtomicLong version = new AtomicLong(Long.MIN_VALUE);
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final Clock clock;

    /**
     * @param clock gives each page its Last-Modified: the moment it was rendered, which is no earlier
     *              than the last change it shows (the cache is emptied on every change)
     */
    public PageCache(Clock clock) {
        this.clock = clock;
    }

    /** The cached HTML page for this key, or the rendered one when there is any (empty means "not found"). */
    public Optional<CachedPage> get(String key, Supplier<Optional<byte[]>> render) {
        return get(key, Html.CONTENT_TYPE, render);
    }

    /** As {@link #get(String, Supplier)}, for a document of another type (a feed, the sitemap). */
    public Optional<CachedPage> get(String key, String contentType, Supplier<Optional<byte[]>> render) {
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
        CachedPage page = pages.getIfPresent(key);
        if (page != null) {
            hits.increment();
        }
        return page; // a miss here goes on to get(), which counts it
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
