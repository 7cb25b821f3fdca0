package org.vertebra.spam;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.module.Chore;
import org.vertebra.module.Feature;
import org.vertebra.module.WebParts;

/**
 * The guard every public form passes (its tickets, counts and block list): no page of its own;
 * each form's feature asks the guard. What it brings to the site is forgetting old counts.
 */
public final class SpamFeature implements Feature {

    private final FormGuard guard;

    public SpamFeature(FormGuard guard) {
        this.guard = guard;
    }

    @Override
    public String name() {
        return "spam";
    }

    @Override
    public void routes(RoutesConfig routes, WebParts web) {
    }

    /** Submission counts older than the guard's windows are forgotten. */
    @Override
    public List<Chore> chores() {
        return List.of(new Chore("old form counts forgotten", guard::forgetOld));
    }
}
