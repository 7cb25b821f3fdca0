package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.MarkdownFiles;
import picocli.CommandLine;

/** {@code vertebra import}: what the user sees and the exit code. */
class ImportCommandTest {

    @TempDir
    Path temp;

    @Test
    void exitsZeroWhenEveryFileImports() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));

        Run run = run("import", "--data", temp.resolve("data").toString(), temp.resolve("in").toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("created /a/").contains("1 imported, 0 failed");
    }

    @Test
    void exitsNonZeroAndNamesFileAndLineWhenAnyFileFails() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));
        Path bad = MarkdownFiles.write(temp, "in/b.md", "---\ntitle: B\npublished: someday\n---\nText\n");

        Run run = run("import", "--data", temp.resolve("data").toString(), temp.resolve("in").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains(bad + ":3: published 'someday' is not a date");
        assertThat(run.out).contains("1 imported, 1 failed");
    }

    @Test
    void reportsMissingPathAsAFailure() {
        Run run = run("import", "--data", temp.resolve("data").toString(), temp.resolve("nothing-here.md").toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("no such file or folder");
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs the command in this JVM, capturing what it prints. */
    private static Run run(String... args) {
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            CommandLine commandLine = new CommandLine(new org.vertebra.Vertebra());
            commandLine.setErr(new PrintWriter(new StringWriter()));
            int code = commandLine.execute(args);
            return new Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
