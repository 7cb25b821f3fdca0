package org.vertebra.module;

import io.javalin.config.RoutesConfig;
import java.util.List;
import org.vertebra.admin.AdminShell;

/**
 * A feature's one public entry: built by its constructor from the services and shared parts it
 * needs, it registers its routes (each naming its guard) and says what else it brings to the
 * running site. app/ holds the features in the order their routes are tried; nothing else of a
 * feature's web side need be public.
 */
public interface Feature {

    /** The feature's name in the route table: its package, as {@code vertebra routes} prints it. */
    String name();

    /** Registers the feature's routes, each with its guard ({@code Role.ANYONE}, {@code Role.PUBLIC_FORM} or an account action). */
    void routes(RoutesConfig routes);

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
