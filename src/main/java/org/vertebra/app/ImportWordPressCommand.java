package org.vertebra.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * A bar on the terminal while the export is read, with the posts and pages imported per second
     * and the time left (the bytes still to read at the rate read so far); nothing when the output
     * is not a terminal. Redrawn when the percentage changes, and at least once a second.
     */
    static final class ProgressBar implements WordPressImporter.Progress {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final boolean shown;
        private final Clock clock;
        private java.time.Instant started;
        private java.time.Instant firstItem;
        private java.time.Instant lastDrawn;
        private int lastPercent = -1;
        private int lastLength;

        ProgressBar(PrintStream out, boolean shown) {
            this(out, shown, Clock.systemUTC());
        }

        ProgressBar(PrintStream out, boolean shown, Clock clock) {
            this.out = out;
            this.shown = shown;
            this.clock = clock;
        }

        @Override
        public void at(long done, long total, long items) {
            if (!shown) {
                return;
            }
            java.time.Instant now = clock.instant();
            if (started == null) {
                started = now;
            }
            if (firstItem == null && items > 0) {
                firstItem = now;
            }
            int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
            if (percent == lastPercent && lastDrawn != null && now.isBefore(lastDrawn.plusSeconds(1))) {
                return;
            }
            lastPercent = percent;
            lastDrawn = now;
            String line = line(percent, items, firstItem == null ? Duration.ZERO : Duration.between(firstItem, now),
                    Duration.between(started, now), done, total);
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
        }

        /**
         * "Importing [#####     ] 42%  310 items/s  1:23 left": the rate counts from the first
         * item imported; the time left is the bytes still to read at the rate read so far.
         */
        static String line(int percent, long items, Duration sinceFirstItem, Duration elapsed, long done, long total) {
            int filled = percent * WIDTH / 100;
            StringBuilder line = new StringBuilder("Importing [").append("#".repeat(filled)).append(" ".repeat(WIDTH - filled))
                    .append("] ").append(percent).append('%');
            long millis = sinceFirstItem.toMillis();
            if (items > 0 && millis >= 1000) {
                line.append("  ").append(Math.round(items * 1000.0 / millis)).append(" items/s");
            }
            long elapsedMillis = elapsed.toMillis();
            if (done > 0 && done < total && elapsedMillis >= 1000) {
                long left = Math.round((total - done) * (elapsedMillis / 1000.0) / done);
                line.append("  ").append(clockTime(left)).append(" left");
            }
            return line.toString();
        }

        /** 0:07, 12:34 or 1:02:03. */
        static String clockTime(long seconds) {
            long h = seconds / 3600;
            long m = seconds / 60 % 60;
            long s = seconds % 60;
            return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
        }

        void done() {
            if (shown && lastPercent >= 0) {
                out.print("\r" + " ".repeat(lastLength) + "\r");
                out.flush();
            }
        }
    }
}
