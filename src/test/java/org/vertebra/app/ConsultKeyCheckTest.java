package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Servers of one site must share the health data key; one with another key refuses to start. */
class ConsultKeyCheckTest {

    @TempDir
    Path folder;

    @Test
    void aServerWithAnotherHealthDataKeyRefusesToStartAndOneWithTheSameKeyStarts() throws Exception {
        TestDatabase.Created database = TestDatabase.SQLITE.create(folder);
        Settings first = TestSite.settings(database, Files.createDirectories(folder.resolve("first")));
        Settings second = TestSite.settings(database, Files.createDirectories(folder.resolve("second")));
        try (Site site = Site.open(first, Clock.systemUTC())) {
            assertThat(site.consult).isNotNull();
        }

        assertThatThrownBy(() -> Site.open(second, Clock.systemUTC()).close())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("same VERTEBRA_CONSULT_KEY");

        Files.createDirectories(second.dataDir());
        Files.copy(first.dataDir().resolve("consult.key"), second.dataDir().resolve("consult.key"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Site site = Site.open(second, Clock.systemUTC())) {
            assertThat(site.consult).isNotNull();
        }
    }
}
