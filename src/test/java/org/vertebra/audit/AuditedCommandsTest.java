package org.vertebra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.app.Settings;
import org.vertebra.app.SettingsLoader;
import org.vertebra.app.Site;
import org.vertebra.support.CommandRun;

/**
 * What operators do at the command line goes in the audit log too, as "command line: vertebra
 * COMMAND": adding an account, re-sealing health data under a new key, a backup, a restore (into
 * the restored site, whose chain from the backup still verifies), and pruning.
 */
class AuditedCommandsTest {

    private static final String PASSWORD = "the first administrator's password";
    private static final String NEW_KEY = "W1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1tbW1s=";

    @TempDir
    Path temp;

    @Test
    void recordsUserAddKeyRotationBackupRestoreAndPruneEachOnce() throws Exception {
        Path site = temp.resolve("site");
        assertThat(withInput(PASSWORD + "\n", () -> CommandRun.of("user", "add", "--data", site.toString(), "--email",
                "ada@example.org", "--name", "Ada Admin", "--role", "admin")).exitCode()).isZero();
        String oldKey = Files.readString(site.resolve("consult.key")).strip();
        Files.writeString(site.resolve("consult.old-keys"), oldKey + "\n");
        Files.writeString(site.resolve("consult.key"), NEW_KEY + "\n");
        assertThat(CommandRun.of("consult-rekey", "--data", site.toString()).exitCode()).isZero();
        Path file = temp.resolve("site.vbackup");
        assertThat(CommandRun.of("backup", "--data", site.toString(), file.toString()).exitCode()).isZero();
        CommandRun restore = CommandRun.of("restore", "--data", temp.resolve("copy").toString(), file.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        CommandRun prune = CommandRun.of("audit", "prune", "--data", site.toString());

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("audit log pruned: 0 rows older than 6 years removed");
        List<AuditEntry> original = entries(site);
        assertThat(original).extracting(AuditEntry::action).containsExactly("backup-made", "key-rotated", "account-created");
        assertThat(original).extracting(AuditEntry::actorName).containsExactly("command line: vertebra backup",
                "command line: vertebra consult-rekey", "command line: vertebra user add");
        assertThat(original.get(0).objectId()).isEqualTo("site.vbackup");
        assertThat(original.get(1).objectId()).hasSize(HealthKeyId.LENGTH).doesNotContain(NEW_KEY, oldKey);
        assertThat(original.get(2).detail()).isEqualTo("admin");
        // The copy holds the backup's rows and the restore itself, one chain.
        List<AuditEntry> copy = entries(temp.resolve("copy"));
        assertThat(copy).extracting(AuditEntry::action).containsExactly("restored", "key-rotated", "account-created");
        CommandRun verify = CommandRun.of("audit", "verify", "--data", temp.resolve("copy").toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("audit log verified: 3 rows from the first row");
        String raw = Files.readString(site.resolve("vertebra.db"), StandardCharsets.ISO_8859_1);
        assertThat(original).allSatisfy(e -> assertThat(e.toString()).doesNotContain(PASSWORD, NEW_KEY, oldKey));
        assertThat(raw).contains("key-rotated");
    }

    @Test
    void verifyAndPruneAreListedInTheHelp() {
        assertThat(CommandRun.of("--help").out()).contains("audit");
        assertThat(CommandRun.of("audit", "--help").out()).contains("verify", "prune");
        assertThat(CommandRun.of("audit", "verify", "--help").out()).contains("--data", "--db");
    }

    /** The first characters of a key's SHA-256, as HealthDataCipher names keys. */
    private static final class HealthKeyId {
        static final int LENGTH = new org.vertebra.consult.HealthDataCipher(new byte[32]).currentKeyId().length();
    }

    private static List<AuditEntry> entries(Path data) {
        Settings settings = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(null, data, null));
        try (Site opened = Site.open(settings, Clock.systemUTC())) {
            return opened.audit.page(AuditFilter.ALL, 100);
        }
    }

    private static CommandRun withInput(String input, java.util.function.Supplier<CommandRun> run) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return run.get();
        } finally {
            System.setIn(in);
        }
    }
}
