package org.vertebra.app;

import org.vertebra.trust.ImportDisclosure;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --default-disclosure TEXT | --as-drafts}, which {@code import} and {@code import-wordpress} share. */
final class DisclosureOptions {

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--default-disclosure", paramLabel = "TEXT",
                description = "the site's default disclosure, when it has none yet, so published articles stay published")
        String defaultDisclosure;

        @Option(names = "--as-drafts",
                description = "on a site with no default disclosure, import published articles without one as drafts")
        boolean asDrafts;
    }

    /** What to do with published articles that lack a disclosure; without an option the import stops and says so. */
    ImportDisclosure disclosure() {
        if (choice == null) {
            return ImportDisclosure.stop();
        }
        try {
            return choice.asDrafts ? ImportDisclosure.asDrafts() : ImportDisclosure.defaultTo(choice.defaultDisclosure);
        } catch (IllegalArgumentException blank) {
            throw new ConfigurationException(blank.getMessage());
        }
    }
}
