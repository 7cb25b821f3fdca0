package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.CommandRun;
import org.vertebra.support.MarkdownFiles;

/** {@code vertebra import}: what the user sees and the exit code. */
class ImportCommandTest {

    private static final String DISCLOSURE = "The author declares no conflicts of interest.";

    @TempDir
    Path temp;

    @Test
    void exitsZeroWhenEveryFileImports() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));

        CommandRun run = CommandRun.of("import", "--data", temp.resolve("data").toString(), "--default-disclosure", DISCLOSURE,
                temp.resolve("in").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("created /a/").contains("1 imported, 0 failed")
                .contains("note: The site's default disclosure is now \"" + DISCLOSURE + "\"");
    }

    @Test
    void onAFreshSiteAPublishedArticleWithoutDisclosureStopsTheImportWithExitTwoAndWritesNothing() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));
        MarkdownFiles.write(temp, "in/b.md", MarkdownFiles.article("b", "B", "Text.").replace("summary:", "disclosure: \"None.\"\nsummary:"));
        String data = temp.resolve("data").toString();

        CommandRun stopped = CommandRun.of("import", "--data", data, temp.resolve("in").toString());

        assertThat(stopped.exitCode()).isEqualTo(2);
        assertThat(stopped.err()).startsWith("1 published article has no disclosure of its own").contains("Nothing was imported")
                .contains("--default-disclosure").contains("--as-drafts").contains("/admin/settings/trust/");
        // Nothing was written: the next run creates both files rather than finding one unchanged.
        CommandRun next = CommandRun.of("import", "--data", data, "--as-drafts", temp.resolve("in").toString());
        assertThat(next.exitCode()).isZero();
        assertThat(next.out()).contains("created /a/").contains("created /b/")
                .contains("note: 1 published article has no disclosure and came in as a draft, as --as-drafts asked");
    }

    @Test
    void anEmptyDefaultDisclosureIsRefusedWithAnExample() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));

        CommandRun run = CommandRun.of("import", "--data", temp.resolve("data").toString(), "--default-disclosure", " ",
                temp.resolve("in").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("vertebra: --default-disclosure needs a text, for example");
    }

    @Test
    void exitsNonZeroAndNamesFileAndLineWhenAnyFileFails() {
        MarkdownFiles.write(temp, "in/a.md", MarkdownFiles.article("a", "A", "Text."));
        Path bad = MarkdownFiles.write(temp, "in/b.md", "---\ntitle: B\npublished: someday\n---\nText\n");

        CommandRun run = CommandRun.of("import", "--data", temp.resolve("data").toString(), "--as-drafts", temp.resolve("in").toString());

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
