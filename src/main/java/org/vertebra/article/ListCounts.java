package org.vertebra.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How many articles each public list holds, counted once per content version instead of on
 * every page: at 100,000 articles, counting a category of 50,000 costs more than the rest of its
 * page. A count stays good while the content counter stands and until the next scheduled article
 * comes out (the counter does not move then); checking both is two indexed single-row reads.
 */
final class ListCounts {

    private record Counted(long version, Instant goodUntil, int count) {
    }

    private final Cache<ArticleQuery, Counted> counts = Caffeine.newBuilder().maximumSize(2_000).build();
    private final LongSupplier version;
    private final Supplier<Optional<Instant>> nextScheduled;

    ListCounts(LongSupplier version, Supplier<Optional<Instant>> nextScheduled) {
        this.version = version;
        this.nextScheduled = nextScheduled;
    }

    int count(ArticleQuery query, Instant now, Supplier<Integer> count) {
        long current = version.getAsLong();
        Counted known = counts.getIfPresent(query);
        if (known != null && known.version() == current && now.isBefore(known.goodUntil())) {
            return known.count();
        }
        Instant goodUntil = nextScheduled.get().orElse(Instant.MAX);
        int counted = count.get();
        counts.put(query, new Counted(current, goodUntil, counted));
        return counted;
    }
}
