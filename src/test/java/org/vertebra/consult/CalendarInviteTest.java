package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.ConfigurationException;
import org.vertebra.app.Settings;
import org.vertebra.app.SettingsLoader;

/** The calendar file's format, and the consultation settings read from variables and the settings file. */
class CalendarInviteTest {

    @TempDir
    Path temp;

    @Test
    void writesUtcTimesEscapedTextAndFoldedCrlfLines() {
        String ics = CalendarInvite.of(new CalendarInvite.Event("consult-7@clinic.example", 3, Instant.parse("2026-03-04T10:00:00Z"),
                Instant.parse("2026-03-04T10:30:00Z"), Instant.parse("2026-03-01T08:00:00Z"), "Video consultation, Dr Test",
                "Join: https://meet.jit.si/Vertebra-" + "a".repeat(32) + "\nMove or cancel; any time before the cut-off", "https://x",
                new CalendarInvite.Party("Dr Test, FRCS \"Orth\"", "clinic@clinic.example"),
                new CalendarInvite.Party("Priya Shah", "priya@example.org")), CalendarInvite.Method.REQUEST);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("METHOD:REQUEST\r\n", "DTSTART:20260304T100000Z\r\n", "DTEND:20260304T103000Z\r\n",
                "SUMMARY:Video consultation\\, Dr Test\r\n", "UID:consult-7@clinic.example\r\n", "SEQUENCE:3\r\n");
        assertThat(ics.replace("\r\n ", "")).contains("\\nMove or cancel\\; any time",
                "ORGANIZER;CN=\"Dr Test, FRCS Orth\":mailto:clinic@clinic.example",
                "ATTENDEE;CN=\"Priya Shah\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:priya@example.org");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        CalendarInvite.Party someone = new CalendarInvite.Party("s", "s@example.org");
        assertThat(CalendarInvite.of(new CalendarInvite.Event("u", 1, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "s", "d", "l",
                someone, someone), CalendarInvite.Method.CANCEL)).contains("METHOD:CANCEL", "STATUS:CANCELLED");
    }

    @Test
    void theSendersAddressIsTakenOutOfItsDisplayName() {
        assertThat(ConsultMail.bare("Test Clinic <clinic@vertebra.test>")).isEqualTo("clinic@vertebra.test");
        assertThat(ConsultMail.bare(" clinic@vertebra.test ")).isEqualTo("clinic@vertebra.test");
    }

    @Test
    void readsConsultationSettingsFromVariablesOverTheFile() {
        Settings defaults = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, temp.resolve("a"), null));
        Settings set = new SettingsLoader(Map.of("VERTEBRA_JITSI_BASE_URL", "https://meet.clinic.example/",
                "VERTEBRA_CONSULT_CANCEL_CUTOFF_HOURS", "12", "VERTEBRA_CONSULT_RETENTION_DAYS", "90",
                "VERTEBRA_CONSULT_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "VERTEBRA_CONSULT_OLD_KEYS", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="))
                .load(new SettingsLoader.Overrides(null, temp.resolve("b"), null));

        assertThat(defaults.consult()).isEqualTo(ConsultOptions.defaults());
        assertThat(set.consult()).isEqualTo(new ConsultOptions("https://meet.clinic.example", Duration.ofHours(12), 90,
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_CONSULT_RETENTION_DAYS", "0"))
                .load(new SettingsLoader.Overrides(null, temp.resolve("c"), null))).isInstanceOf(ConfigurationException.class);
    }
}
