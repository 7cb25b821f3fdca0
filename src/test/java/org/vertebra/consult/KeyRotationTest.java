package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertebra.consult.ConsultSite.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.ConfigurationException;
import org.vertebra.app.Settings;
import org.vertebra.app.Site;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * Rotating the health data key on both databases: values under the retired key A (some written by
 * the format before rotation existed) open next to new ones under B; after consult-rekey, A can go.
 */
class KeyRotationTest {

    private static final String KEY_A = HealthDataCipherTest.EARLIER_KEY;
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled(0x5b));
    private static final String NOTES = "Suspect patellofemoral pain; physiotherapy referral";

    @TempDir
    Path temp;

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void readsOldAndNewValuesThenRekeysSoTheOldKeyCanGo(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        TestDatabase.Created database = kind.create(temp);
        try {
            long first;
            long earlier;
            try (Site a = Site.open(keys(database, KEY_A, ""), clock)) {
                ConsultSite.doctor(a);
                first = a.consult.bookings().book(request("2026-03-04T10:00:00Z", "priya@example.org")).booking().id();
                a.consult.agenda().saveNotes(first, NOTES);
                earlier = a.consult.bookings().book(request("2026-03-04T11:00:00Z", "sam@example.org")).booking().id();
                // As the cipher wrote them before rotation existed (HealthDataCipherTest's recorded values).
                a.database.jdbi().useHandle(h -> h.createUpdate("UPDATE consult_bookings SET intake = :i, notes = :n WHERE id = :id")
                        .bind("i", HealthDataCipherTest.EARLIER_INTAKE).bind("n", HealthDataCipherTest.EARLIER_NOTES)
                        .bind("id", earlier).execute());
            }

            long second;
            try (Site b = Site.open(keys(database, KEY_B, KEY_A), clock)) {
                long reader = b.accounts.addUser("doctor@example.org", "Dr Test", AccountRole.DOCTOR, "a long enough password").id();
                assertThat(b.consult.agenda().open(first, reader, "Dr Test").orElseThrow().notes()).isEqualTo(NOTES);
                DoctorAgenda.Consultation old = b.consult.agenda().open(earlier, reader, "Dr Test").orElseThrow();
                assertThat(old.intake().complaint()).isEqualTo("demo: stiff shoulder in the mornings");
                assertThat(old.notes()).isEqualTo("demo note: review in four weeks");
                second = b.consult.bookings().book(request("2026-03-05T10:00:00Z", "lee@example.org")).booking().id();
                assertThat(sealedValues(b)).filteredOn(v -> v.startsWith("v1." + keyId(KEY_B) + ".")).hasSize(1);

                ConsultJobs.Rekeyed rekeyed = b.consult.jobs().rekey(2);
                assertThat(rekeyed.resealed()).isEqualTo(4);
                assertThat(rekeyed.current()).isEqualTo(1);
                assertThat(rekeyed.remaining()).isZero();
                assertThat(rekeyed.unreadable()).isEmpty();
                assertThat(b.consult.jobs().rekey(2).resealed()).isZero();
            }

            try (Site onlyB = Site.open(keys(database, KEY_B, ""), clock)) {
                long reader = onlyB.accounts.users().get(0).id();
                assertThat(onlyB.consult.agenda().open(first, reader, "Dr Test").orElseThrow().intake().complaint())
                        .isEqualTo(ConsultSite.COMPLAINT);
                assertThat(onlyB.consult.agenda().open(earlier, reader, "Dr Test").orElseThrow().notes())
                        .isEqualTo("demo note: review in four weeks");
                assertThat(onlyB.consult.agenda().open(second, reader, "Dr Test").orElseThrow().intake()).isNotNull();
                assertThat(sealedValues(onlyB)).hasSize(5).allSatisfy(v -> assertThat(v).startsWith("v1." + keyId(KEY_B) + "."));
                assertNoPlainHealthDataAtRest(kind, onlyB);
            }

            assertThatThrownBy(() -> Site.open(keys(database, KEY_A, ""), clock).close())
                    .isInstanceOf(ConfigurationException.class);
        } finally {
            database.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rekeyNeverOverwritesWhatAServerWroteAfterItRead(TestDatabase kind) {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        TestDatabase.Created database = kind.create(temp);
        try (Site site = Site.open(keys(database, KEY_A, ""), clock)) {
            ConsultSite.doctor(site);
            long id = site.consult.bookings().book(request("2026-03-04T10:00:00Z", "priya@example.org")).booking().id();
            site.consult.agenda().saveNotes(id, "first note");
            ConsultRepository repository = new ConsultRepository(site.database.jdbi());
            String read = repository.sealed(id)[1];
            site.consult.agenda().saveNotes(id, "a doctor's newer note");
            String written = repository.sealed(id)[1];

            assertThat(repository.replaceSealed(id, HealthDataRekey.NOTES, read, "v1.00000000.stale")).isFalse();
            assertThat(repository.sealed(id)[1]).isEqualTo(written);
            assertThat(repository.replaceSealed(id, HealthDataRekey.NOTES, written, read)).isTrue();
            assertThat(repository.countNotSealedUnder(keyId(KEY_A))).isZero();
            assertThat(repository.countNotSealedUnder(keyId(KEY_B))).isEqualTo(2);
        } finally {
            database.drop().run();
        }
    }

    private void assertNoPlainHealthDataAtRest(TestDatabase kind, Site site) throws Exception {
        List<String> plain = List.of("climbing stairs", "patellofemoral", "stiff shoulder", "four weeks", "night-pain");
        if (kind == TestDatabase.SQLITE) {
            site.database.jdbi().useHandle(h -> h.execute("PRAGMA wal_checkpoint(FULL)"));
            for (Path file : List.of(temp.resolve("test.db"), temp.resolve("test.db-wal"))) {
                if (Files.exists(file)) {
                    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).doesNotContain(plain);
                }
            }
            assertThat(temp.resolve("test.db")).exists();
        } else {
            String dump = BookingTest.pgDump(site.settings);
            assertThat(dump).contains("priya@example.org", "v1." + keyId(KEY_B) + ".").doesNotContain(plain);
        }
    }

    private static List<String> sealedValues(Site site) {
        return site.database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT intake FROM consult_bookings WHERE intake IS NOT NULL
                        UNION ALL SELECT notes FROM consult_bookings WHERE notes IS NOT NULL""")
                .mapTo(String.class).list());
    }

    private static String keyId(String base64) {
        return HealthDataCipher.keyId(Base64.getDecoder().decode(base64));
    }

    /** A test site's settings with this current key and these retired keys (the folder holds no key files). */
    private Settings keys(TestDatabase.Created database, String key, String oldKeys) {
        return TestSite.withConsultKeys(TestSite.settings(database, temp.resolve("node")), key, oldKeys);
    }
}
