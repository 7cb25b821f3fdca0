package org.vertebra.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words /healthz answers with, from what the node knows of itself. */
class HealthStatusTest {

    @Test
    void saysStartingWhileOnlyTheSearchIndexIsLeft() {
        var starting = new HealthCheck(() -> true, () -> "21", "21", () -> false, () -> true).check();
        assertThat(starting.canServe()).isFalse();
        assertThat(new MonitorRoutes.HealthReport(starting).status()).isEqualTo("starting");
        assertThat(new MonitorRoutes.HealthReport(starting).index()).isEqualTo("building");
    }

    @Test
    void saysStartingUntilTheStartsBackgroundHousekeepingIsDoneThoughTheIndexIsReady() {
        var housekeeping = new HealthCheck(() -> true, () -> "21", "21", () -> true, () -> false).check();
        assertThat(housekeeping.canServe()).isFalse();
        assertThat(new MonitorRoutes.HealthReport(housekeeping).status()).isEqualTo("starting");
        assertThat(new MonitorRoutes.HealthReport(housekeeping).index()).isEqualTo("ready");

        var done = new HealthCheck(() -> true, () -> "21", "21", () -> true, () -> true).check();
        assertThat(new MonitorRoutes.HealthReport(done).status()).isEqualTo("ok");
    }

    @Test
    void saysOkWhenTheIndexIsReady() {
        var ready = new HealthCheck(() -> true, () -> "21", "21", () -> true, () -> true).check();
        assertThat(new MonitorRoutes.HealthReport(ready).status()).isEqualTo("ok");
    }

    @Test
    void saysUnavailableForADatabaseDownOrAnOtherMigrationEvenWhileTheIndexIsBuilt() {
        var down = new HealthCheck(() -> false, () -> "21", "21", () -> false, () -> true).check();
        var older = new HealthCheck(() -> true, () -> "20", "21", () -> false, () -> true).check();
        assertThat(new MonitorRoutes.HealthReport(down).status()).isEqualTo("unavailable");
        assertThat(new MonitorRoutes.HealthReport(older).status()).isEqualTo("unavailable");
    }
}
