package org.vertebra;

import org.vertebra.app.ConfigurationException;
import org.vertebra.app.ReindexCommand;
import org.vertebra.app.RoutesCommand;
import org.vertebra.app.ServeCommand;
import org.vertebra.app.StartAhead;
import org.vertebra.app.AuditCommand;
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
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code vertebra serve}, {@code vertebra import}, ... */
@Command(name = "vertebra", mixinStandardHelpOptions = true, version = "Vertebra 0.1",
        description = "Publishing and tele-consultation for clinicians' patient-education sites.")
public final class Vertebra implements Runnable {

    /** Every command, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(ServeCommand.class, ImportCommand.class,
            ImportWordPressCommand.class, ImportRedirectsCommand.class, CheckCommand.class, ReindexCommand.class,
            UserCommand.class, BackupCommand.class, RestoreCommand.class, ConsultRekeyCommand.class, AuditCommand.class,
            WarmUpCommand.class, RoutesCommand.class);

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("serve") || args[0].equals("warm-up"))) {
            StartAhead.begin();
        }
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every command, for help and tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line as main runs it for these arguments: a setting that cannot be used ends it with its message
     * and exit 2. When the first argument names a command, only that command is built: picocli reads every option
     * of every command it is given by reflection, which is a tenth of a second of each server start otherwise.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Vertebra());
        List<Class<?>> named = COMMANDS.stream()
                .filter(c -> args.length > 0 && c.getAnnotation(Command.class).name().equals(args[0])).toList();
        for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
            commandLine.addSubcommand(command);
        }
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
