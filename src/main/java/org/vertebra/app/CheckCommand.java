package org.vertebra.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vertebra.content.ImportProblem;
import org.vertebra.importer.MarkdownPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Checks Markdown files in the import format, or folders of them, for the editorial desk:",
            "studies named in the text that no reference matches, references never cited, malformed",
            "DOIs and PMIDs, repeated references; and readability (Flesch Reading Ease, Flesch-Kincaid",
            "grade, sentences over 25 words, share of passive sentences).",
            "A Flesch-Kincaid grade above 8, the target for patient material, counts as a finding;",
            "long and passive sentences are listed but do not count."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing found",
            "1:something found in at least one file",
            "2:a file could not be read (missing, not UTF-8, broken front matter)"})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Markdown files or folders (searched for .md)")
    List<Path> paths;

    @Option(names = "--json", description = "print a JSON array, one object a file")
    boolean json;

    @Override
    public Integer call() {
        List<String> unreadable = new ArrayList<>();
        List<CheckedFile> checked = new ArrayList<>();
        for (Path file : MarkdownPaths.expand(paths, (path, problem) -> unreadable.add(path + ": " + problem))) {
            try {
                checked.add(CheckedFile.read(file));
            } catch (ImportProblem problem) {
                unreadable.add(file + ":" + problem.line() + ": " + problem.getMessage());
            } catch (UncheckedIOException e) {
                unreadable.add(file + ": cannot read: " + e.getCause().getMessage());
            }
        }
        if (json) {
            System.out.println(CheckOutput.json(checked));
        } else {
            checked.forEach(file -> CheckOutput.text(file).forEach(System.out::println));
            long withFindings = checked.stream().filter(CheckedFile::hasFindings).count();
            System.out.printf("%d checked, %d with findings, %d unreadable%n", checked.size(), withFindings, unreadable.size());
        }
        unreadable.forEach(System.err::println);
        if (!unreadable.isEmpty()) {
            return 2;
        }
        return checked.stream().anyMatch(CheckedFile::hasFindings) ? 1 : 0;
    }
}
