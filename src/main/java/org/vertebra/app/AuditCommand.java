package org.vertebra.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.vertebra.audit.Actor;
import org.vertebra.audit.AuditLog;
import org.vertebra.audit.ChainCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vertebra audit verify} and {@code vertebra audit prune}: the audit log's chain from the command line. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Checks and prunes the audit log of security-relevant events.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Prune.class})
public final class AuditCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Checks the audit log's hash chain; exit 1 naming the first changed or missing row.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        SiteOptions site;

        @Override
        public Integer call() {
            try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
                ChainCheck check = opened.audit.check();
                String from = check.checkpointAt() == null ? "from the first row"
                        : "from row " + check.fromSeq() + " (earlier rows pruned " + check.checkpointAt() + " under a signed checkpoint)";
                if (!check.intact()) {
                    System.err.printf("vertebra: the audit log does not verify at row %d: %s (%d rows before it verified, %s)%n",
                            check.badSeq(), check.problem(), check.rows(), from);
                    return 1;
                }
                System.out.printf("audit log verified: %d rows %s%nlast row %d, hash %s%n", check.rows(), from,
                        check.fromSeq() + check.rows() - 1, check.headHash());
                return 0;
            }
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Removes audit rows older than the retention (audit.retention_years), "
            + "leaving a signed checkpoint from which the rest verifies.")
    static final class Prune implements Callable<Integer> {

        @Mixin
        SiteOptions site;

        @Override
        public Integer call() {
            try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
                AuditLog.Pruned pruned = opened.audit.prune(Actor.commandLine("audit prune"));
                System.out.printf("audit log pruned: %d rows older than %d years removed%s%n", pruned.rows(),
                        opened.audit.retention().getYears(), pruned.rows() == 0 ? "" : " (up to row " + pruned.upToSeq() + ")");
                return 0;
            } catch (AuditLog.ChainBroken e) {
                System.err.println("vertebra: " + e.getMessage());
                return 1;
            }
        }
    }
}
