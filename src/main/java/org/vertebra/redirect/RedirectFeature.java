package org.vertebra.redirect;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.vertebra.admin.AdminShell;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.Job;
import org.vertebra.module.WebParts;

/** Redirects an editor makes, their hits, and the log of addresses not found. */
public final class RedirectFeature implements Feature {

    private final RedirectService redirects;
    private final RedirectRecorder recorder;
    private RedirectRoutes routes;

    public RedirectFeature(RedirectService redirects, Clock clock) {
        this.redirects = redirects;
        this.recorder = new RedirectRecorder(redirects, clock);
    }

    @Override
    public String name() {
        return "redirect";
    }

    @Override
    public void routes(RoutesConfig config, WebParts web) {
        this.routes = new RedirectRoutes(redirects, recorder, web.adminShell(), web.frames(), web.templates());
        routes.register(config);
    }

    /** The log of paths not found keeps its most recent ones. */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("old paths not found forgotten", redirects::trimNotFoundLog));
    }

    @Override
    public List<AdminShell.Section> adminSections() {
        return List.of(AdminShell.Section.REDIRECTS);
    }

    /** Closed after the server stops (jobs are), so the last hits are written. */
    @Override
    public List<Job> jobs() {
        return List.of(Job.of(recorder::start, recorder::close));
    }

    /** A redirect changed on another node. */
    @Override
    public void contentChanged(long version) {
        redirects.contentChanged();
    }

    /** Answers a request nothing else answered with its redirect, if an editor made one (the miss is logged when not). */
    public boolean answerNotFound(Context ctx) {
        return routes.answerNotFound(ctx);
    }

    /** Redirect hits and pages not found, for tests that write them at once rather than at the next round. */
    public RedirectRecorder recorder() {
        return recorder;
    }
}
