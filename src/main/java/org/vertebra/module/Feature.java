package org.vertebra.module;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;

/**
 * A feature's one public entry. Its constructor builds what the feature keeps running (its queues,
 * its personal-data sources, its housekeeping) from the services it needs; its web side (routes and
 * their pages) is built only when a server registers it, so the commands, which never serve, never
 * build it. It says what else it brings to the running site. app/Site builds every feature and
 * holds them in the order their routes are tried; nothing else of a feature need be public.
 */
public interface Feature {

    /** The feature's name in the route table: its package, as {@code vertebra routes} prints it. */
    String name();

    /**
     * Builds the feature's web side from the parts every feature's routes share, and registers its
     * routes, each with its guard ({@code Role.ANYONE}, {@code Role.PUBLIC_FORM} or an account
     * action). Called once, by the server, in route order.
     */
    void routes(RoutesConfig routes, WebParts web);

    /** The admin's sections this feature opens (the navigation shows them to who may use them). */
    default List<AdminShell.Section> adminSections() {
        return List.of();
    }

    /**
     * Told after each change of the site's content, here or on another server (a new content
     * version), after the page frame and the page cache have forgotten theirs.
     */
    default void contentChanged(long version) {
    }

    /** Work the feature does in the background while the server runs: started after the routes, stopped with the server. */
    default List<Job> jobs() {
        return List.of();
    }

    /**
     * What the site's hourly housekeeping does for this feature (on one server of several: the one
     * that holds the hour's lease), in the order given.
     */
    default List<Chore> chores() {
        return List.of();
    }

    /** Figures the feature reports on {@code /metrics}, registered once when the server is built. */
    default List<Gauge> gauges() {
        return List.of();
    }

    /**
     * The Privacy policy's lines on what the feature keeps about a person: for each message key
     * {@code K}, the bundles hold {@code K.what}, {@code K.why} and {@code K.kept} in every language.
     */
    default List<String> heldData() {
        return List.of();
    }

    /** What the feature keeps under a reader's or patient's address, for the data-rights export and erasure. */
    default List<PersonalDataSource> personalData() {
        return List.of();
    }
}
