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

    private static final String KEY_A = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1s=";

    @Test
    void acceptsADatabaseSealedUnderARetiredKeyAndSealsTheCheckAgainUnderTheNewOne() throws Exception {
        TestDatabase.Created database = TestDatabase.SQLITE.create(folder);
        Settings node = TestSite.settings(database, folder.resolve("node"));
        try (Site a = Site.open(TestSite.withConsultKeys(node, KEY_A, ""), Clock.systemUTC())) {
            assertThat(check(a)).startsWith("v1." + keyId(KEY_A) + ".");
        }

        try (Site b = Site.open(TestSite.withConsultKeys(node, KEY_B, KEY_A), Clock.systemUTC())) {
            assertThat(check(b)).startsWith("v1." + keyId(KEY_B) + ".");
        }

        // From now on a server that only has the old key is refused, and one with the new key alone starts.
        assertThatThrownBy(() -> Site.open(TestSite.withConsultKeys(node, KEY_A, ""), Clock.systemUTC()).close())
                .isInstanceOf(ConfigurationException.class);
        try (Site b = Site.open(TestSite.withConsultKeys(node, KEY_B, ""), Clock.systemUTC())) {
            assertThat(check(b)).startsWith("v1." + keyId(KEY_B) + ".");
        }
    }

    @Test
    void refusesANewKeyWithoutTheRetiredOneAndSaysWhereTheOldKeyGoesWithoutPrintingAKey() throws Exception {
        TestDatabase.Created database = TestDatabase.SQLITE.create(folder);
        Settings node = TestSite.settings(database, folder.resolve("node"));
        Site.open(TestSite.withConsultKeys(node, KEY_A, ""), Clock.systemUTC()).close();

        assertThatThrownBy(() -> Site.open(TestSite.withConsultKeys(node, KEY_B, ""), Clock.systemUTC()).close())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("VERTEBRA_CONSULT_OLD_KEYS")
                .hasMessageNotContaining(KEY_A).hasMessageNotContaining(KEY_B);
        try (Site a = Site.open(TestSite.withConsultKeys(node, KEY_A, ""), Clock.systemUTC())) {
            assertThat(check(a)).startsWith("v1." + keyId(KEY_A) + ".");
        }
    }

    private static String check(Site site) {
        return new SiteState(site.database.jdbi()).get(SiteState.CONSULT_KEY_CHECK).orElseThrow();
    }

    private static String keyId(String base64) {
        return new org.vertebra.consult.HealthDataCipher(java.util.Base64.getDecoder().decode(base64)).currentKeyId();
    }
}
