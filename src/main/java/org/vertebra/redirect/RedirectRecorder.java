package org.vertebra.redirect;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vertebra.data.FlushWorker;

/**
 * Counts redirect hits and pages not found off the request path, as stats' StatsRecorder does:
 * answering a request only adds one to a tally in memory (one per redirect, one per missing path,
 * so a flood of requests costs no more memory than {@link #PENDING_PATHS} tallies), and one
 * background thread writes the tallies every {@link #PAUSE_MILLIS} in two batched transactions.
 * Counts of the last moments before a crash are lost; that is the price of not writing on each hit.
 */
public final class RedirectRecorder implements AutoCloseable {

    /** Distinct missing paths held between writes; new ones beyond it are dropped until the next write. */
    static final int PENDING_PATHS = 1_000;
    static final long PAUSE_MILLIS = 2_000;

    /** How often something happened between two writes, when first and last, and (for misses) the last referrer's host. */
    record Tally(long count, Instant first, Instant last, String referrerHost) {
        Tally plus(Tally later) {
            return new Tally(count + later.count, first, later.last,
                    later.referrerHost != null ? later.referrerHost : referrerHost);
        }
    }

    private final RedirectService redirects;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Tally> hits = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Tally> misses = new ConcurrentHashMap<>();
    private final FlushWorker worker = new FlushWorker("redirects", PAUSE_MILLIS, "redirect hits and pages not found", this::flush);

    public RedirectRecorder(RedirectService redirects, Clock clock) {
        this.redirects = redirects;
        this.clock = clock;
    }

    public void start() {
        worker.start();
    }

    void hit(Redirect redirect) {
        Instant now = clock.instant();
        hits.merge(redirect.id(), new Tally(1, now, now, null), Tally::plus);
    }

    /** A normalised path that answered 404, with the host of its referrer (null when none). */
    void missed(String path, String referrerHost) {
        if (misses.size() >= PENDING_PATHS && !misses.containsKey(path)) {
            return; // a flood of distinct addresses: dropped, the log is for links people follow
        }
        Instant now = clock.instant();
        misses.merge(path, new Tally(1, now, now, referrerHost), Tally::plus);
    }

    /** Writes everything counted so far, now, on the caller's thread (tests; shutting down). */
    public synchronized void flush() {
        Map<Long, Tally> hitBatch = drain(hits);
        if (!hitBatch.isEmpty()) {
            redirects.countHits(hitBatch);
        }
        Map<String, Tally> missBatch = drain(misses);
        if (!missBatch.isEmpty()) {
            redirects.logMisses(missBatch);
        }
    }

    /** Takes each key's tally out atomically, so a count added meanwhile lands in a new tally for the next write. */
    private static <K> Map<K, Tally> drain(ConcurrentHashMap<K, Tally> tallies) {
        Map<K, Tally> batch = new HashMap<>();
        for (K key : tallies.keySet()) {
            Tally tally = tallies.remove(key);
            if (tally != null) {
                batch.put(key, tally);
            }
        }
        return batch;
    }

    @Override
    public void close() {
        worker.close();
    }
}
