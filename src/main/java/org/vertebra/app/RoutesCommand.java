package org.vertebra.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vertebra.consult.ConsultOptions;
import org.vertebra.media.MediaLimits;
import org.vertebra.web.TrustedProxies;
import picocli.CommandLine.Command;

/**
 * Prints the route table. The routes do not depend on a site's data, so the table is read from a
 * throwaway site in a temporary folder: it works beside a running server and touches no data folder.
 */
@Command(name = "routes", description = "Prints every route: method, path, feature and the guard that lets a request through.")
public final class RoutesCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        Path folder = Files.createTempDirectory("vertebra-routes");
        try {
            Settings settings = new Settings(0, folder.resolve("data"), "jdbc:sqlite:" + folder.resolve("routes.db"), "", "",
                    "http://localhost:8080", "Vertebra", MediaLimits.DEFAULT_MAX_UPLOAD_MB, "", "", MailSettings.none(),
                    TrustedProxies.parse(TrustedProxies.LOOPBACK), Settings.MEDIA_IN_FOLDER, ConsultOptions.defaults(),
                    Settings.DEFAULT_AUDIT_RETENTION_YEARS);
            try (Site site = Site.open(settings, Clock.systemUTC()); WebServer server = new WebServer(site)) {
                System.out.print(RouteTable.text(server.routes()));
            }
            return 0;
        } finally {
            deleteAll(folder);
        }
    }

    private static void deleteAll(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
