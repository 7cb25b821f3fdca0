package org.vertebra.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.vertebra.importer.ImportReport;
import org.vertebra.trust.ImportDisclosure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Imports Markdown files, or folders of them, with YAML front matter.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Markdown files or folders")
    List<Path> paths;

    @Mixin
    SiteOptions site;

    @Mixin
    DisclosureOptions disclosure;

    @Override
    public Integer call() {
        ImportDisclosure choice = disclosure.disclosure();
        try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
            opened.initialize(false);
            // each file's line is printed once its batch committed: the report keeps no list of 100,000 lines
            ImportReport report = opened.importer.importPaths(paths, false, choice, new ImportReport(System.out::println));
            if (report.isStopped()) {
                System.err.println(report.stopReason());
                return 2;
            }
            report.notes().forEach(n -> System.out.println("note: " + n));
            report.warnings().forEach(w -> System.err.println("warning: " + w));
            report.problems().forEach(System.err::println);
            System.out.printf("%d imported, %d failed%n", report.importedCount(), report.problems().size());
            return report.hasProblems() ? 1 : 0;
        }
    }
}
