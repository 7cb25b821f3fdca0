package org.vertebra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vertebra.support.CommandRun;

class VertebraCommandLineTest {

    @Test
    void buildsOnlyTheCommandItIsAskedToRun() {
        assertThat(Vertebra.commandLine("serve", "--port", "8080").getSubcommands()).containsOnlyKeys("serve");
        assertThat(Vertebra.commandLine("user", "add").getSubcommands()).containsOnlyKeys("user");
    }

    @Test
    void buildsEveryCommandForHelpAndForAWordItDoesNotKnow() {
        assertThat(Vertebra.commandLine("--help").getSubcommands()).containsKeys("serve", "import", "backup", "restore");
        assertThat(Vertebra.commandLine().getSubcommands()).hasSameSizeAs(Vertebra.commandLine("serv").getSubcommands());

        CommandRun misspelt = CommandRun.of("serv");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("serv").contains("serve");
    }

    @Test
    void aCommandsOwnHelpStillAnswers() {
        CommandRun help = CommandRun.of("check", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Checks Markdown files");
    }
}
