package org.vertebra.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.importer.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Runs the site. The first run creates the database and loads the demo site.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 8080, or $VERTEBRA_PORT)")
    Integer port;

    @Option(names = "--no-demo", description = "do not load the demo site on first run")
    boolean noDemo;

    @Mixin
    SiteOptions site;

    @Override
    public Integer call() throws InterruptedException {
        Settings settings = site.settings(port);
        Site opened = Site.open(settings, Clock.systemUTC());
        ImportReport demo = opened.initialize(!noDemo);
        if (demo != null) {
            LOG.info("demo site loaded: {} files, {} problems", demo.imported().size(), demo.problems().size());
            demo.problems().forEach(p -> LOG.warn("demo: {}", p));
        }
        WebServer server = new WebServer(opened).start();
        LOG.info("Vertebra serves {} at http://localhost:{}/ ({})", settings.siteTitle(), server.port(),
                settings.isPostgres() ? "PostgreSQL" : "SQLite in " + settings.dataDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            opened.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
