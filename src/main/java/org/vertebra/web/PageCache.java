package org.vertebra.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered public pages, kept until content changes. A watcher polls the database's change
 * counter; when another process or node changed content, every cached page is dropped, so a
 * change shows everywhere within a poll interval.
 */
public final class PageCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageCache.class);

    private final Cache<String, CachedPage> pages = Caffeine.newBuilder().maximumSize(5_000).build();
    private final LongSupplier version;
    private final AtomicLong seenVersion = new AtomicLong(Long.MIN_VALUE);
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "page-cache-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public PageCache(LongSupplier version, long pollMillis) {
        this.version = version;
        checkForChanges();
        watcher.scheduleWithFixedDelay(this::checkForChanges, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** The cached HTML page for this key, or the rendered one when there is any (empty means "not found"). */
    public Optional<byte[]> get(String key, Supplier<Optional<byte[]>> render) {
        return get(key, Html.CONTENT_TYPE, render);
    }

    /** As {@link #get(String, Supplier)}, for a document of another type (a feed, the sitemap). */
    public Optional<byte[]> get(String key, String contentType, Supplier<Optional<byte[]>> render) {
        CachedPage cached = pages.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached.plain());
        }
        long versionBefore = seenVersion.get();
        Optional<byte[]> rendered = render.get();
        // A page rendered while content changed may be stale; serve it but do not keep it.
        if (rendered.isPresent() && seenVersion.get() == versionBefore) {
            pages.put(key, CachedPage.of(contentType, rendered.get()));
        }
        return rendered;
    }

    /** The cached page for this key, or null; never renders. */
    public CachedPage peek(String key) {
        return pages.getIfPresent(key);
    }

    public void invalidateAll() {
        pages.invalidateAll();
    }

    /** Drops every page now if content changed; the watcher calls it, and so may a writer in this process. */
    public void checkForChanges() {
        try {
            long current = version.getAsLong();
            if (seenVersion.getAndSet(current) != current) {
                pages.invalidateAll();
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read the content version; page cache cleared: {}", e.getMessage());
            pages.invalidateAll();
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
