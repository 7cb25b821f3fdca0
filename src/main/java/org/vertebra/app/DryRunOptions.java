package org.vertebra.app;

import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The options the import commands share: a dry run, and the report as text or JSON. */
public final class DryRunOptions {

    @Option(names = "--dry-run", description = "report what would change, and write nothing")
    boolean dryRun;

    @Option(names = "--json", description = "write the report as JSON")
    boolean json;

    /** Prints the report on standard output in the form asked for. */
    void print(Supplier<String> text, Supplier<String> asJson) {
        System.out.print(json ? asJson.get() : text.get());
    }
}
