package org.vertebra;

import org.vertebra.app.ConfigurationException;
import org.vertebra.app.ReindexCommand;
import org.vertebra.app.ServeCommand;
import org.vertebra.app.BackupCommand;
import org.vertebra.app.CheckCommand;
import org.vertebra.app.ConsultRekeyCommand;
import org.vertebra.app.RestoreCommand;
import org.vertebra.app.ImportCommand;
import org.vertebra.app.ImportRedirectsCommand;
import org.vertebra.app.ImportWordPressCommand;
import org.vertebra.app.UserCommand;
import org.vertebra.app.WarmUpCommand;
import org.vertebra.data.DatabaseUnavailable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code vertebra serve}, {@code vertebra import}, ... */
@Command(name = "vertebra", mixinStandardHelpOptions = true, version = "Vertebra 0.1",
        description = "Publishing and tele-consultation for clinicians' patient-education sites.",
        subcommands = {ServeCommand.class, ImportCommand.class, ImportWordPressCommand.class,
                ImportRedirectsCommand.class, CheckCommand.class,
                ReindexCommand.class, UserCommand.class, BackupCommand.class, RestoreCommand.class,
                ConsultRekeyCommand.class, WarmUpCommand.class})
public final class Vertebra implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as main runs it: a setting that cannot be used ends it with its message and exit 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Vertebra());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigurationException || e instanceof DatabaseUnavailable) {
                cmd.getErr().println("vertebra: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
