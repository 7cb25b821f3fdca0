package org.vertebra.audit;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/** The audit log's pages in the admin (the log itself is kept by the features that record into it). */
public final class AuditFeature implements Feature {

    /** The log is pruned once a day: it walks the whole chain first, too much for every hour. */
    static final java.time.Duration PRUNE_EVERY = java.time.Duration.ofHours(24);

    private final AuditLog audit;
    private final java.time.Clock clock;
    /** Not at start, whose housekeeping runs as the server begins to listen: the first prune comes with the next hour's run. */
    private java.time.Instant prunedAt;

    /** @param housekeepingEvery how often the site's housekeeping runs, so that the first prune comes with its second run */
    public AuditFeature(AuditLog audit, java.time.Duration housekeepingEvery, java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.prunedAt = clock.instant().minus(PRUNE_EVERY).plus(housekeepingEvery).minusSeconds(60);
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new AuditAdminRoutes(audit, web.adminShell()).register(config);
    }

    /** Rows past the log's retention, once a day on the server that runs housekeeping; the log says how many. */
    @Override
    public List<Chore> chores() {
        return List.of(Chore.quiet("audit log pruned", this::pruneIfDue));
    }

    private synchronized void pruneIfDue() {
        java.time.Instant now = clock.instant();
        if (!now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
            prunedAt = now;
            audit.prune(Actor.commandLine("housekeeping"));
        }
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.AUDIT);
    }
}
