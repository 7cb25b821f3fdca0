package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.CommandRun;
import org.vertebra.support.MarkdownFiles;

/** {@code vertebra backup} and {@code vertebra restore}: what the user sees and the exit code. */
class BackupCommandTest {

    @TempDir
    Path temp;

    @Test
    void backsUpASiteAndRestoresItIntoAnEmptyFolder() throws Exception {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("heel-pain", "Heel pain", "Demo text."));
        CommandRun.of("import", "--data", temp.resolve("site").toString(), "--default-disclosure", "Demo: none.",
                temp.resolve("in").toString());
        Path file = temp.resolve("site.vbackup");

        CommandRun backup = CommandRun.of("backup", "--data", temp.resolve("site").toString(), file.toString());
        CommandRun restore = CommandRun.of("restore", "--data", temp.resolve("copy").toString(), file.toString());

        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("backup written to " + file.toAbsolutePath()).contains("sqlite database");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("restored " + file);
        assertThat(temp.resolve("copy/vertebra.db")).exists();
        assertThat(Files.readString(temp.resolve("copy/vertebra.properties")))
                .isEqualTo(Files.readString(temp.resolve("site/vertebra.properties")));
    }

    @Test
    void refusesATruncatedFileWithAMessageAndExitOne() throws Exception {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("heel-pain", "Heel pain", "Demo text."));
        CommandRun.of("import", "--data", temp.resolve("site").toString(), "--default-disclosure", "Demo: none.",
                temp.resolve("in").toString());
        Path file = temp.resolve("site.vbackup");
        CommandRun.of("backup", "--data", temp.resolve("site").toString(), file.toString());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 100));

        CommandRun restore = CommandRun.of("restore", "--data", temp.resolve("copy").toString(), file.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("is not a complete backup");
        assertThat(temp.resolve("copy/vertebra.db")).doesNotExist();
    }

    @Test
    void refusesToRestoreOverAnExistingSite() throws Exception {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("heel-pain", "Heel pain", "Demo text."));
        CommandRun.of("import", "--data", temp.resolve("site").toString(), "--default-disclosure", "Demo: none.",
                temp.resolve("in").toString());
        Path file = temp.resolve("site.vbackup");
        CommandRun.of("backup", "--data", temp.resolve("site").toString(), file.toString());
        long before = Files.size(temp.resolve("site/vertebra.db"));

        CommandRun restore = CommandRun.of("restore", "--data", temp.resolve("site").toString(), file.toString());

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.err()).contains("the database " + temp.resolve("site/vertebra.db") + " exists");
        assertThat(Files.size(temp.resolve("site/vertebra.db"))).isEqualTo(before);
    }
}
