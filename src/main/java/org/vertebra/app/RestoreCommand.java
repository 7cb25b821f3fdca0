package org.vertebra.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vertebra.backup.BackupSummary;
import org.vertebra.backup.DamagedBackup;
import org.vertebra.backup.RestoreRefused;
import org.vertebra.backup.SiteRestore;
import java.time.Clock;
import org.vertebra.audit.Actor;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditObject;
import org.vertebra.data.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = "Loads a backup file into an empty data folder or database. "
        + "A damaged file, or a target that holds a site, is refused before anything is written.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Parameters(paramLabel = "FILE", description = "a file written by 'vertebra backup'")
    Path file;

    @Override
    public Integer call() throws Exception {
        Settings settings = site.settings(null);
        try {
            BackupSummary summary = new SiteRestore(settings.siteLocation()).restore(file);
            try (Database database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
                Site.auditLog(settings, database.jdbi(), Clock.systemUTC()).record(Actor.commandLine("restore"), AuditAction.RESTORED,
                        AuditObject.of("backup", summary.file().getFileName().toString()));
            }
            System.out.printf("restored %s: %s; the search index is rebuilt when the site starts%n",
                    summary.file(), summary.describe());
            return 0;
        } catch (DamagedBackup | RestoreRefused e) {
            System.err.println("vertebra: " + e.getMessage());
            return 1;
        }
    }
}
