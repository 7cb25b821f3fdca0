package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The installation's facts on each database: first-run work and secrets happen once for every server. */
class SiteStateTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aValueIsClaimedOnceAndReplacedOnlyWhileItIsStillTheExpectedOne(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, Clock.systemUTC())) {
            SiteState state = new SiteState(site.site().database.jdbi());
            assertThat(state.get("test-fact")).isEmpty();

            assertThat(state.claim("test-fact", "first")).isTrue();
            assertThat(state.claim("test-fact", "second")).as("already claimed").isFalse();
            assertThat(state.get("test-fact")).contains("first");

            assertThat(state.replace("test-fact", "not what is stored", "third")).isFalse();
            assertThat(state.replace("test-fact", "first", "third")).isTrue();
            assertThat(state.get("test-fact")).contains("third");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecretIsMadeOnFirstUseAndTheSameForEveryServerAfterwards(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, Clock.systemUTC())) {
            byte[] first = new SiteState(site.site().database.jdbi()).secret("test-secret");
            byte[] again = new SiteState(site.site().database.jdbi()).secret("test-secret");

            assertThat(first).hasSize(32).isEqualTo(again);
            assertThat(new SiteState(site.site().database.jdbi()).secret("other-secret")).isNotEqualTo(first);
        }
    }
}
