package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.CommandRun;
import org.vertebra.support.MarkdownFiles;

/** {@code vertebra import}: what the user sees and the exit code. */
class ImportCommandTest {

    @TempDir
    Path temp;

    @Test
    void exitsZeroWhenEveryFileImports() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));

        CommandRun run = CommandRun.of("import", "--data", temp.resolve("data").toString(), temp.resolve("in").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("created /a/").contains("1 imported, 0 failed");
    }

    @Test
    void exitsNonZeroAndNamesFileAndLineWhenAnyFileFails() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));
        Path bad = MarkdownFiles.write(temp, "in/b.md", "---\ntitle: B\npublished: someday\n---\nText\n");

        CommandRun run = CommandRun.of("import", "--data", temp.resolve("data").toString(), temp.resolve("in").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":3: published 'someday' is not a date");
        assertThat(run.out()).contains("1 imported, 1 failed");
    }

    @Test
    void reportsMissingPathAsAFailure() {
        CommandRun run = CommandRun.of("import", "--data", temp.resolve("data").toString(), temp.resolve("nothing-here.md").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no such file or folder");
    }
}
