package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ListCountsTest {

    private final AtomicLong version = new AtomicLong(1);
    private final AtomicReference<Optional<Instant>> nextScheduled = new AtomicReference<>(Optional.empty());
    private final ListCounts counts = new ListCounts(version::get, nextScheduled::get);
    private final AtomicInteger counted = new AtomicInteger();
    private final Instant now = Instant.parse("2026-03-02T09:00:00Z");

    private int count(ArticleQuery query, Instant at) {
        return counts.count(query, at, () -> 40 + counted.incrementAndGet());
    }

    @Test
    void countsAListOnceWhileTheContentStaysTheSame() {
        assertThat(count(ArticleQuery.inCategory(3), now)).isEqualTo(41);
        assertThat(count(ArticleQuery.inCategory(3), now.plusSeconds(60))).isEqualTo(41);
        assertThat(count(ArticleQuery.inCategory(4), now)).as("another list has its own count").isEqualTo(42);
        assertThat(counted).hasValue(2);
    }

    @Test
    void countsAgainAfterAChange() {
        count(ArticleQuery.home(), now);
        version.incrementAndGet();
        assertThat(count(ArticleQuery.home(), now)).isEqualTo(42);
    }

    @Test
    void countsAgainOnceAScheduledArticleComesOutThoughNothingChanged() {
        nextScheduled.set(Optional.of(now.plusSeconds(30)));
        count(ArticleQuery.home(), now);
        assertThat(count(ArticleQuery.home(), now.plusSeconds(29))).isEqualTo(41);
        assertThat(count(ArticleQuery.home(), now.plusSeconds(30))).isEqualTo(42);
    }
}
