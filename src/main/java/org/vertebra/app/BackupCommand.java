package org.vertebra.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vertebra.backup.BackupSummary;
import org.vertebra.backup.SiteBackup;
import org.vertebra.audit.Actor;
import org.vertebra.audit.AuditAction;
import org.vertebra.audit.AuditObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import org.vertebra.data.Database;

@Command(name = "backup", description = "Writes a consistent snapshot of a site (database, media and settings "
        + "files) into one file; the site may be running.")
public final class BackupCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Parameters(paramLabel = "FILE", description = "the backup file to write (replaced when it exists)")
    Path file;

    @Override
    public Integer call() throws Exception {
        Settings settings = site.settings(null);
        try (Database database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
            BackupSummary summary = new SiteBackup(settings.siteLocation(), database, Clock.systemUTC()).write(file);
            Site.auditLog(settings, database.jdbi(), Clock.systemUTC()).record(Actor.commandLine("backup"), AuditAction.BACKUP_MADE,
                    AuditObject.of("backup", summary.file().getFileName().toString()).withDetail(summary.bytes() + " bytes"));
            System.out.printf("backup written to %s: %s, %,d bytes%n", summary.file(), summary.describe(), summary.bytes());
            return 0;
        }
    }
}
