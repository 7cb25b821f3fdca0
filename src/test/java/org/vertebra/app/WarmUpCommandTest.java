package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vertebra.support.CommandRun;

/** The run that ./vertebra records the start-up class archive from. */
class WarmUpCommandTest {

    @Test
    void visitsEveryPageWithoutAServerErrorAndLeavesNothingBehind() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = warmUpFolders(temp);

        CommandRun run = CommandRun.of("warm-up");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("answered");
        assertThat(warmUpFolders(temp)).isEqualTo(before);
    }

    @Test
    void isNotListedAmongTheCommandsAUserSees() {
        assertThat(CommandRun.of("--help").out()).doesNotContain("warm-up").contains("serve");
    }

    private static long warmUpFolders(Path temp) throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("vertebra-warm-up")).count();
        }
    }
}
