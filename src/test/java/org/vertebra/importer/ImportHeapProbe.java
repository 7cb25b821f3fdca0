package org.vertebra.importer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.vertebra.app.SettingsLoader;
import org.vertebra.app.Site;
import org.vertebra.trust.ImportDisclosure;

/**
 * Imports a folder of Markdown files into a fresh site in a data folder and prints the heap in
 * use after a full collection once a quarter of the files and once all of them are committed, as
 * "heap after N: BYTES". Run in a child JVM with a small heap by {@link FlatHeapImportTest}
 * ({@code main}: DATA FOLDER COUNT).
 */
public final class ImportHeapProbe {

    private ImportHeapProbe() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int[] seen = {0};
        ImportReport report = new ImportReport(line -> {
            seen[0]++;
            if (seen[0] == count / 4 || seen[0] == count) {
                System.gc();
                System.out.println("heap after " + seen[0] + ": " + memory.getHeapMemoryUsage().getUsed());
            }
        });
        var settings = new SettingsLoader(java.util.Map.of()).load(new SettingsLoader.Overrides(null, data, null));
        try (Site site = Site.open(settings, Clock.systemUTC())) {
            site.initialize(false);
            site.importer.importPaths(List.of(folder), false,
                    ImportDisclosure.defaultTo("Generated demo content: no conflicts of interest."), report);
        }
        System.out.println("imported " + report.importedCount() + ", problems " + report.problems().size());
    }
}
