package org.vertebra.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vertebra.web.ClasspathFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs a throwaway demo site through the pages a server answers first, then stops. Its purpose is
 * the classes it loads: run under {@code -XX:ArchiveClassesAtExit}, the JVM writes them into a
 * class data archive, and {@code serve} started with that archive skips most of its class loading
 * and verification (about half of its start). {@code ./vertebra} makes the archive once per build.
 */
@Command(name = "warm-up", hidden = true,
        description = "Runs a throwaway demo site through its main pages and stops (for the start-up class archive).")
public final class WarmUpCommand implements Callable<Integer> {

    /** Pages of the demo site that exercise the templates, the database, search, feeds and the desk's sign-in. */
    static final List<String> PAGES = List.of("/", "/low-back-pain-when-to-worry/", "/search/?q=knee+pain",
            "/api/v1/search?q=kne", "/feed/", "/sitemap.xml", "/robots.txt", "/category/spine/", "/admin/sign-in/",
            "/newsletter/", "/teleconsult/", "/contact/", "/healthz", "/no-such-page/");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("vertebra-warm-up");
        try {
            // Settings from nothing but the folder: whatever the environment names (a production
            // database) is never touched.
            Settings settings = new SettingsLoader(Map.of()).load(new SettingsLoader.Overrides(0, folder, null));
            try (Site site = Site.open(settings, Clock.systemUTC())) {
                site.initialize(true);
                WebServer server = new WebServer(site).start();
                try {
                    server.awaitStarted(Duration.ofMinutes(1));
                    for (String page : PAGES) {
                        int status = fetch(URI.create("http://127.0.0.1:" + server.port() + page));
                        if (status >= 500) {
                            // An archive made from a failing run would still work, but the failure is a bug to see.
                            spec.commandLine().getErr().println("vertebra: warm-up: " + page + " answered " + status);
                            return 1;
                        }
                    }
                } finally {
                    server.close();
                }
            }
        } finally {
            ClasspathFolder.delete(folder);
        }
        return 0;
    }

    private static int fetch(URI address) {
        try {
            HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
            connection.setRequestProperty("Accept-Encoding", "gzip");
            int status = connection.getResponseCode();
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (body != null) {
                    body.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up could not fetch " + address, e);
        }
    }
}
