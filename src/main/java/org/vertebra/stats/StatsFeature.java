package org.vertebra.stats;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Chore;
import org.vertebra.consent.ConsentCategory;
import org.vertebra.consent.CookieEntry;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.WebParts;

/** Statistics: page views and empty searches queued as they happen and written in rounds; the admin's figures. */
public final class StatsFeature implements Feature {

    /** How pages are counted, which the consent banner and the Cookie Policy list although no cookie is set. */
    public static final List<CookieEntry> COUNTING = List.of(
            new CookieEntry(ConsentCategory.STATISTICS, "Page counts (no cookie)",
                    "Counts page views, referring sites and searches without any cookie; a visitor is recognised for one day only by "
                            + "a hash that cannot be traced back to them.", "No cookie; daily totals kept", "This site"));

    private final StatsService stats;
    private final StatsRecorder recorder;

    public StatsFeature(StatsService stats) {
        this.stats = stats;
        this.recorder = new StatsRecorder(stats);
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        new StatsAdminRoutes(stats, web.adminShell()).register(config);
    }

    /** Visitors' daily hashes are forgotten once their day is over. */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("past visitors' hashes forgotten", stats::forgetPastVisitors));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.STATISTICS);
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.of(recorder::start, recorder::close));
    }

    /** The queue that pages viewed and searches that found nothing are counted into. */
    public StatsRecorder recorder() {
        return recorder;
    }
}
