package org.vertebra.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlugsSeenTest {

    private final List<String> slugs = new ArrayList<>();

    private int put(SlugsSeen seen, String slug) {
        slugs.add(slug);
        return seen.putIfAbsent(slug, slugs.size() - 1, slugs::get);
    }

    @Test
    void givesTheEarlierFilesPlaceForASlugUsedTwice() {
        SlugsSeen seen = new SlugsSeen();
        assertThat(put(seen, "back-pain")).isEqualTo(-1);
        assertThat(put(seen, "knee-pain")).isEqualTo(-1);
        assertThat(put(seen, "back-pain")).isZero();
        assertThat(put(seen, "knee-pain")).isEqualTo(1);
    }

    @Test
    void keepsEverySlugOfALargeRunApart() {
        SlugsSeen seen = new SlugsSeen();
        for (int i = 0; i < 50_000; i++) {
            assertThat(put(seen, "article-" + i)).isEqualTo(-1);
        }
        assertThat(seen.size()).isEqualTo(50_000);
        assertThat(put(seen, "article-31337")).isEqualTo(31_337);
        assertThat(put(seen, "article-50000")).isEqualTo(-1);
    }

    @Test
    void neverTakesTwoSlugsWithTheSameHashForOne() {
        SlugsSeen seen = new SlugsSeen(slug -> 42L);
        assertThat(put(seen, "hip")).isEqualTo(-1);
        assertThat(put(seen, "knee")).isEqualTo(-1);
        assertThat(put(seen, "spine")).isEqualTo(-1);
        assertThat(put(seen, "knee")).isEqualTo(1);
        assertThat(put(seen, "spine")).isEqualTo(2);
    }

    @Test
    void takesAHashOfZeroLikeAnyOther() {
        SlugsSeen seen = new SlugsSeen(slug -> 0L);
        assertThat(put(seen, "a")).isEqualTo(-1);
        assertThat(put(seen, "a")).isZero();
    }
}
