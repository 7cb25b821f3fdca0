package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteSynonymsTest {

    @TempDir
    Path dir;

    private List<Long> idsWith(Path synonyms, String query) {
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"), synonyms)) {
            if (index.needsRebuild()) {
                index.rebuild(TestArticles.ALL.stream());
            }
            return index.search(query, 1, 20).hits().stream().map(Hit::id).toList();
        }
    }

    @Test
    void siteSynonymsFileReplacesDefaults() throws IOException {
        Path site = Files.writeString(dir.resolve("synonyms.txt"), """
                # our own words
                funny bone, ulnar nerve
                """);

        assertThat(idsWith(site, "funny bone")).startsWith(TestArticles.ULNAR.id());
        assertThat(idsWith(site, "kneecap")).isEmpty();
        assertThat(idsWith(null, "kneecap")).containsExactly(TestArticles.PATELLA.id());
        assertThat(idsWith(null, "funny bone")).doesNotContain(TestArticles.ULNAR.id());
    }

    @Test
    void missingSiteFileMeansTheDefaults() {
        assertThat(idsWith(dir.resolve("absent.txt"), "kneecap")).containsExactly(TestArticles.PATELLA.id());
    }

    @Test
    void oneWayRulesMapOnlyFromLeftToRight() throws IOException {
        Path site = Files.writeString(dir.resolve("synonyms.txt"), "housemaid's knee => patella\n");

        assertThat(idsWith(site, "housemaids knee")).containsExactly(TestArticles.PATELLA.id());
        assertThat(idsWith(site, "patella")).containsExactly(TestArticles.PATELLA.id());
    }

    @Test
    void brokenSiteFileIsReportedWithItsName() throws IOException {
        Path site = Files.writeString(dir.resolve("synonyms.txt"), "knee => \n?!, kneecap\n");

        assertThatThrownBy(() -> SearchIndex.open(dir.resolve("index"), site))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(site.toString());
    }

    @Test
    void everyShippedRuleParses() {
        assertThat(Synonyms.load(null).fst).isNotNull();
    }
}
