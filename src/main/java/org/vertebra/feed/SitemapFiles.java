package org.vertebra.feed;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.web.CachedPage;

/**
 * The sitemap and its numbered files, rendered ahead of the requests. At 100,000 articles a file
 * is 50,000 addresses, 5.6 MB of XML: reading, writing and compressing that for each request
 * costs more than any page, so each is kept for the content version it shows and rendered again
 * in the background after every change. A request that comes between a change and the new
 * rendering renders its own (and keeps it), so nothing stale is ever served. Independent of the
 * page cache, whose off switch is for pages rendered per request.
 */
final class SitemapFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SitemapFiles.class);

    /** A rendered file and the content version it shows. File 0 is {@code /sitemap.xml}. */
    private record Rendered(long version, Optional<CachedPage> page) {
    }

    private final IntFunction<Optional<byte[]>> render;
    private final Clock clock;
    private final Map<Integer, Rendered> files = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sitemap-files");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile long version;

    /** @param render file {@code n}'s bytes (0: the sitemap or its index), empty when there is no such file */
    SitemapFiles(IntFunction<Optional<byte[]>> render, Clock clock) {
        this.render = render;
        this.clock = clock;
    }

    /** File {@code number} as it stands now: the kept one when it shows the current content, else rendered now. */
    Optional<CachedPage> get(int number) {
        long current = version;
        Rendered kept = files.get(number);
        if (kept != null && kept.version() == current) {
            return kept.page();
        }
        Optional<CachedPage> page = render.apply(number)
                .map(bytes -> CachedPage.of(SitemapWriter.CONTENT_TYPE, bytes, clock.instant()));
        if (page.isPresent() || number == 0) {
            files.put(number, new Rendered(current, page));
        } else {
            files.remove(number); // a number asked for that names no file is not kept
        }
        return page;
    }

    /** Content changed (or a scheduled article came out): what is kept is stale; render it again in the background. */
    void contentChanged(long newVersion) {
        version = newVersion;
        if (queued.compareAndSet(false, true)) {
            background.execute(this::renderAgain);
        }
    }

    /** Renders the sitemap and every numbered file for the current version. */
    private void renderAgain() {
        queued.set(false);
        try {
            get(0);
            for (int number = 1; get(number).isPresent(); number++) {
                // each file is kept by get
            }
        } catch (RuntimeException e) {
            LOG.warn("sitemap files not rendered ahead; requests render their own: {}", e.toString());
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
