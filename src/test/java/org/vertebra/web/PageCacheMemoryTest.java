package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageCacheMemoryTest {

    private final PageCache cache = new PageCache(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void keepsPagesUpToItsBytesNotUpToANumberOfPages() {
        int pageBytes = 1024 * 1024; // random bytes: gzip does not make them smaller, so one form each
        int pages = (int) (PageCache.MAX_BYTES / pageBytes) * 2;
        for (int i = 0; i < pages; i++) {
            byte[] page = new byte[pageBytes];
            new Random(i).nextBytes(page);
            cache.get("/page-" + i + "/", () -> Optional.of(page));
        }

        assertThat(cache.heldBytes()).isLessThanOrEqualTo(PageCache.MAX_BYTES).isGreaterThan(PageCache.MAX_BYTES / 2);
    }

    @Test
    void countsBothFormsOfAPageItHolds() {
        byte[] page = "<p>heel pain</p>".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CachedPage kept = cache.get("/heel-pain/", () -> Optional.of(page)).orElseThrow();

        assertThat(kept.gzip()).isNotNull();
        assertThat(cache.heldBytes()).isEqualTo(page.length + kept.gzip().length());
        assertThat(cache.peek("/heel-pain/").forClient(false).bytes()).isEqualTo(page);
    }
}
