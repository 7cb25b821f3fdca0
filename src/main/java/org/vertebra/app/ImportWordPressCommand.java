package org.vertebra.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vertebra.trust.ImportDisclosure;
import org.vertebra.wordpress.WordPressImporter;
import org.vertebra.wordpress.WordPressReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import-wordpress",
        description = "Imports a WordPress export (Tools > Export > All content) with comments, media and every old address.")
public final class ImportWordPressCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE.xml", description = "the WordPress export (WXR)")
    Path export;

    @Option(names = "--uploads", paramLabel = "DIR", description = "a copy of the site's wp-content/uploads, for its media")
    Path uploads;

    @Mixin
    DryRunOptions report;

    @Mixin
    SiteOptions site;

    @Mixin
    DisclosureOptions disclosure;

    @Override
    public Integer call() {
        ImportDisclosure choice = disclosure.disclosure();
        try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
            opened.initialize(false);
            ProgressBar bar = new ProgressBar(System.err, System.console() != null);
            WordPressReport done = opened.wordpress.importFile(export, uploads, report.dryRun, choice, bar);
            bar.done();
            report.print(done::toText, done::toJson);
            return done.isStopped() ? 2 : done.hasFailures() ? 1 : 0;
        }
    }

    /** A bar on the terminal while the export is read; nothing when the output is not a terminal. */
    static final class ProgressBar implements WordPressImporter.Progress {
        private final PrintStream out;
        private final boolean shown;
        private int lastPercent = -1;

        ProgressBar(PrintStream out, boolean shown) {
            this.out = out;
            this.shown = shown;
        }

        @Override
        public void at(long done, long total) {
            int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
            if (!shown || percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent * 30 / 100;
            out.print("\rImporting [" + "#".repeat(filled) + " ".repeat(30 - filled) + "] " + percent + "%");
            out.flush();
        }

        void done() {
            if (shown && lastPercent >= 0) {
                out.print("\r" + " ".repeat(50) + "\r");
                out.flush();
            }
        }
    }
}
