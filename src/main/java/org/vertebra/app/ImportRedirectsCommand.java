package org.vertebra.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vertebra.redirect.RedirectFile;
import org.vertebra.redirect.RedirectFileReader;
import org.vertebra.redirect.RedirectImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import-redirects",
        description = "Imports redirects from the Redirection plug-in's CSV or JSON export, or a CSV of source, target and code.")
public final class ImportRedirectsCommand implements Callable<Integer> {

    /** Who the imported redirects were made by, as the admin's list shows it. */
    static final String BY = "import-redirects";

    @Parameters(paramLabel = "FILE", description = "the CSV or JSON file")
    Path file;

    @Mixin
    DryRunOptions report;

    @Mixin
    SiteOptions site;

    /** 0 when every row came in or was left out on purpose, 1 when some were refused, 2 when the file cannot be read. */
    @Override
    public Integer call() {
        RedirectFile redirects;
        try {
            redirects = RedirectFileReader.read(file);
        } catch (RedirectFileReader.Unreadable unreadable) {
            System.err.println("vertebra: " + unreadable.getMessage());
            return 2;
        }
        try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
            opened.initialize(false);
            RedirectImportReport done = opened.redirects.importFile(redirects, BY, report.dryRun);
            report.print(done::toText, done::toJson);
            return done.hasRefusals() ? 1 : 0;
        }
    }
}
