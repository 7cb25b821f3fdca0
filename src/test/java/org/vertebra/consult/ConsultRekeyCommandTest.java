package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.Settings;
import org.vertebra.app.SettingsLoader;
import org.vertebra.app.Site;
import org.vertebra.support.CommandRun;
import org.vertebra.support.TestClock;

/** {@code vertebra consult-rekey} on a site whose key files were rotated: what it prints and its exit code. */
class ConsultRekeyCommandTest {

    private static final String NEW_KEY = "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1s=";

    @TempDir
    Path temp;

    @Test
    void reencryptsUnderTheNewKeyFileReportsCountsAndIsSafeToRunAgain() throws Exception {
        Path data = temp.resolve("site");
        long booked = bookOne(data);
        try (Site site = Site.open(settings(data), TestClock.at(ConsultSite.MONDAY_EARLY))) {
            site.mail.save(new org.vertebra.mail.MailSettingsChange(
                    Map.of(org.vertebra.mail.SmtpSettings.HOST, "smtp.example.org"), "relay secret", false));
        }
        String oldKey = Files.readString(data.resolve("consult.key")).strip();
        // The rotation as the README tells it: the old key into consult.old-keys, a new one into consult.key.
        Files.writeString(data.resolve("consult.old-keys"), "# retired\n" + oldKey + "\n");
        Files.writeString(data.resolve("consult.key"), NEW_KEY + "\n");

        CommandRun first = CommandRun.of("consult-rekey", "--data", data.toString(), "--batch", "1");
        CommandRun again = CommandRun.of("consult-rekey", "--data", data.toString());

        String id = new HealthDataCipher(java.util.Base64.getDecoder().decode(NEW_KEY)).currentKeyId();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("2 values sealed again under key " + id + ", 0 were under it already")
                .contains("the old keys may now be removed").contains("the stored SMTP password sealed again")
                .doesNotContain(oldKey, NEW_KEY, "relay secret");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("0 values sealed again under key " + id + ", 2 were under it already");

        Files.delete(data.resolve("consult.old-keys"));
        try (Site site = Site.open(settings(data), TestClock.at(ConsultSite.MONDAY_EARLY))) {
            long reader = site.accounts.addUser("admin@example.org", "Ada Admin", org.vertebra.access.AccountRole.ADMIN,
                    "a long enough password").id();
            DoctorAgenda.Consultation opened = site.consult.agenda().open(booked, reader, "Ada Admin").orElseThrow();
            assertThat(opened.intake().complaint()).isEqualTo(ConsultSite.COMPLAINT);
            assertThat(opened.notes()).isEqualTo("Demo note: ice and rest");
            assertThat(site.mail.storedPassword()).isEqualTo(org.vertebra.mail.MailConfiguration.StoredPassword.STORED);
            assertThat(site.mail.current().password()).isEqualTo("relay secret");
        }
    }

    @Test
    void namesTheBookingsItCannotOpenAndExitsOne() throws Exception {
        Path data = temp.resolve("site");
        long booked = bookOne(data);
        String stranger = new HealthDataCipher(new byte[32]).encrypt("notes", "written under a key nobody configured");
        try (Site site = Site.open(settings(data), TestClock.at(ConsultSite.MONDAY_EARLY))) {
            site.database.jdbi().useHandle(h -> h.createUpdate("UPDATE consult_bookings SET notes = :n WHERE id = :id")
                    .bind("n", stranger).bind("id", booked).execute());
        }

        CommandRun run = CommandRun.of("consult-rekey", "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("1 consultations hold values under a key this configuration does not have (booking ids "
                + booked + ")").contains("consult.old-keys");
        assertThat(run.out()).contains("0 values sealed again").contains("1 were under it already");
    }

    @Test
    void isListedInTheCommandHelp() {
        assertThat(CommandRun.of("--help").out()).contains("consult-rekey");
        assertThat(CommandRun.of("consult-rekey", "--help").out()).contains("--data", "--db", "--batch");
        assertThat(CommandRun.of("consult-rekey", "--batch", "0").exitCode()).isEqualTo(2);
    }

    /** A site in this folder with one booking holding intake answers and a note; returns the booking's id. */
    private static long bookOne(Path data) {
        try (Site site = Site.open(settings(data), TestClock.at(ConsultSite.MONDAY_EARLY))) {
            ConsultSite.doctor(site);
            long id = site.consult.bookings().book(ConsultSite.request("2026-03-04T10:00:00Z", "priya@example.org")).booking().id();
            site.consult.agenda().saveNotes(id, "Demo note: ice and rest");
            return id;
        }
    }

    private static Settings settings(Path data) {
        return new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
    }
}
