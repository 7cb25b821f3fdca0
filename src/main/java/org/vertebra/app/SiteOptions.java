package org.vertebra.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that opens a site shares: where its data and database are. */
public final class SiteOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "data folder (default ./vertebra-data, or $VERTEBRA_DATA)")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "database URL (default SQLite in the data folder, or $VERTEBRA_DB_URL)")
    String db;

    public Settings settings(Integer port) {
        return new SettingsLoader(System.getenv()).load(new SettingsLoader.Overrides(port, data, db));
    }
}
