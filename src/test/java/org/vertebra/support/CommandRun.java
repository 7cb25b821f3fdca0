package org.vertebra.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.vertebra.Vertebra;
import picocli.CommandLine;

/** A {@code vertebra} command run in this JVM: its exit code and what it printed. */
public record CommandRun(int exitCode, String out, String err) {

    /** {@code vertebra COMMAND --data DATA OPTIONS...}: a command on the site in this data folder. */
    public static CommandRun inData(java.nio.file.Path data, String command, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = command;
        args[1] = "--data";
        args[2] = data.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return of(args);
    }

    public static CommandRun of(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine commandLine = Vertebra.commandLine(args);
            commandLine.setOut(new PrintWriter(System.out, true)); // help and version
            commandLine.setErr(new PrintWriter(System.err, true)); // usage errors and unusable settings
            int code = commandLine.execute(args);
            return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
