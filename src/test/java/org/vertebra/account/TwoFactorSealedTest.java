package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;
import org.vertebra.app.Settings;
import org.vertebra.app.Site;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * Two-step sign-in's key and recovery codes are sealed under the site's key: a scan of the
 * database (the SQLite file and its write-ahead log byte by byte; every value of the two tables on
 * PostgreSQL) finds neither the key, in Base32, hex or Base64, nor a recovery code or its hash.
 * Rows from before sealing are sealed when a server starts, and the key rotation seals them again.
 */
class TwoFactorSealedTest {

    private static final String PASSWORD = "a long enough password";
    private static final String KEY_A = Base64.getEncoder().encodeToString(filled(0x3a));
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled(0x5b));

    @TempDir
    Path temp;

    private record Enrolled(User user, String key, List<String> codes) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRawScanAfterEnrolmentFindsNeitherTheKeyNorARecoveryCode(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        TestDatabase.Created database = kind.create(temp);
        try {
            Enrolled enrolled;
            try (Site site = Site.open(settings(database, KEY_A, ""), clock)) {
                enrolled = enrol(site, clock);
                assertThat(site.accounts.twoFactor().status(enrolled.user()).on()).isTrue();
                if (kind == TestDatabase.POSTGRES) {
                    assertThat(secretsIn(rawValues(site), enrolled)).isEmpty();
                }
            }
            if (kind == TestDatabase.SQLITE) {
                assertThat(secretsIn(sqliteFiles(database), enrolled)).isEmpty();
            }
        } finally {
            database.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keysAndCodesStoredInTheClearAreSealedAtStartAndStillWork(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        TestDatabase.Created database = kind.create(temp);
        try {
            Enrolled enrolled;
            try (Site site = Site.open(settings(database, KEY_A, ""), clock)) {
                enrolled = enrol(site, clock);
                // As V18 stored them: the Base32 key and each code's SHA-256 in the clear.
                site.database.jdbi().useHandle(h -> {
                    h.createUpdate("UPDATE two_factor SET secret = :key").bind("key", enrolled.key()).execute();
                    h.createUpdate("DELETE FROM two_factor_recovery_codes").execute();
                    for (String code : enrolled.codes()) {
                        h.createUpdate("INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES (:user, :hash)")
                                .bind("user", enrolled.user().id()).bind("hash", RecoveryCodes.hash(code)).execute();
                    }
                });
                assertThat(stored(site)).contains(enrolled.key());
            }
            try (Site site = Site.open(settings(database, KEY_A, ""), clock)) {
                assertThat(stored(site)).hasSize(11).allMatch(v -> v.startsWith("v1."));
                assertThat(secretsIn(String.join("\n", stored(site)), enrolled)).isEmpty();

                TwoFactorService twoFactor = site.accounts.twoFactor();
                clock.advance(java.time.Duration.ofSeconds(30));
                assertThat(twoFactor.regenerateRecoveryCodes(enrolled.user(), new AuthenticatorApp(enrolled.key(), clock).code()))
                        .hasSize(RecoveryCodes.COUNT);
            }
        } finally {
            database.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theKeyRotationSealsThemAgainSoTheOldKeyCanGo(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T09:00:10Z");
        TestDatabase.Created database = kind.create(temp);
        try {
            Enrolled enrolled;
            try (Site site = Site.open(settings(database, KEY_A, ""), clock)) {
                enrolled = enrol(site, clock);
            }
            try (Site site = Site.open(settings(database, KEY_B, KEY_A), clock)) {
                // The server sealed them under the new key as it started; a rotation run finds nothing left to do.
                assertThat(site.accounts.twoFactor().reseal()).isEqualTo(new TwoFactorService.Resealed(0, 11, 0));
            }
            try (Site site = Site.open(settings(database, KEY_B, ""), clock)) {
                TwoFactorService twoFactor = site.accounts.twoFactor();
                String recovery = enrolled.codes().get(2);
                assertThatThrownBy(() -> twoFactor.turnOff(enrolled.user(), PASSWORD, "zzzzz-zzzzz")).isInstanceOf(AccountProblem.class);
                twoFactor.turnOff(enrolled.user(), PASSWORD, recovery);
                assertThat(twoFactor.status(enrolled.user()).on()).isFalse();
            }
        } finally {
            database.drop().run();
        }
    }

    private static Enrolled enrol(Site site, TestClock clock) {
        User user = site.accounts.addUser("doctor@example.org", "Dr Test", AccountRole.DOCTOR, PASSWORD);
        String key = site.accounts.twoFactor().start(user, "Test Clinic").secret();
        List<String> codes = site.accounts.twoFactor().confirm(user, PASSWORD, new AuthenticatorApp(key, clock).code());
        return new Enrolled(user, key, codes);
    }

    /** Every form of the key and codes a careless store could hold, found in {@code text}. */
    private static List<String> secretsIn(String text, Enrolled enrolled) {
        byte[] raw = Base32.decode(enrolled.key());
        List<String> forms = new ArrayList<>(List.of(enrolled.key(), enrolled.key().toLowerCase(Locale.ROOT),
                HexFormat.of().formatHex(raw), HexFormat.of().withUpperCase().formatHex(raw),
                Base64.getEncoder().encodeToString(raw), Base64.getEncoder().withoutPadding().encodeToString(raw),
                Base64.getUrlEncoder().withoutPadding().encodeToString(raw), new String(raw, StandardCharsets.ISO_8859_1)));
        for (String code : enrolled.codes()) {
            forms.addAll(List.of(code, code.replace("-", ""), code.toUpperCase(Locale.ROOT), RecoveryCodes.hash(code)));
        }
        return forms.stream().filter(text::contains).toList();
    }

    /** The SQLite file and its write-ahead log, byte for byte (as ISO-8859-1, so every byte is one character). */
    private static String sqliteFiles(TestDatabase.Created database) throws IOException {
        Path file = Path.of(database.url().substring("jdbc:sqlite:".length()));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path part : List.of(file, Path.of(file + "-wal"), Path.of(file + "-journal"))) {
            if (Files.exists(part)) {
                all.write(Files.readAllBytes(part));
            }
        }
        assertThat(all.size()).isGreaterThan(4096);
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Every column of both tables as PostgreSQL stores the text. */
    private static String rawValues(Site site) {
        return site.database.jdbi().withHandle(h -> String.join("\n", h.createQuery("""
                        SELECT CAST(t AS TEXT) FROM two_factor t
                        UNION ALL SELECT CAST(r AS TEXT) FROM two_factor_recovery_codes r""")
                .mapTo(String.class).list()));
    }

    private static List<String> stored(Site site) {
        return site.database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT secret FROM two_factor UNION ALL SELECT code_hash FROM two_factor_recovery_codes""")
                .mapTo(String.class).list());
    }

    private Settings settings(TestDatabase.Created database, String key, String oldKeys) {
        return TestSite.withConsultKeys(TestSite.settings(database, temp.resolve("node")), key, oldKeys);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
