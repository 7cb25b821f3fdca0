package org.vertebra.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vertebra.content.ImportProblem;
import org.vertebra.importer.MarkdownPaths;
import org.vertebra.readability.Glossaries;
import org.vertebra.reference.ReferenceLookups;
import org.vertebra.retraction.RetractionCheck;
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
            "long and passive sentences are listed but do not count. Also reported, as advice: SMOG,",
            "Gunning Fog and a reading grade per file and per section (aim: grade 6), medical terms with",
            "plainer words, the four JAMA trust benchmarks, and, when VERTEBRA_CROSSREF_URL or",
            "VERTEBRA_PUBMED_URL is set, references with a retraction or other notice (retracted or",
            "withdrawn ones count as findings)."},
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
        String data = System.getenv("VERTEBRA_DATA");
        Glossaries glossaries = Glossaries.load(data == null || data.isBlank() ? null : Path.of(data));
        // Retraction checks ask the services only when they are configured, as the site does.
        RetractionCheck retractions = RetractionCheck.with(ReferenceLookups.from(System.getenv("VERTEBRA_CROSSREF_URL"),
                System.getenv("VERTEBRA_PUBMED_URL"), env("VERTEBRA_BASE_URL", "http://localhost"),
                Site.contactAddress(System.getenv("VERTEBRA_MAIL_FROM")), Clock.systemUTC()), Clock.systemUTC());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (Path file : MarkdownPaths.expand(paths, (path, problem) -> unreadable.add(path + ": " + problem))) {
            try {
                checked.add(CheckedFile.read(file, glossaries, retractions, today));
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

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
