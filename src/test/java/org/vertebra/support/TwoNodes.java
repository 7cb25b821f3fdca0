package org.vertebra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Two servers of one site on one PostgreSQL database, as several nodes run it: each with a data
 * folder of its own and the same health data key (the second node's folder gets the first's). The
 * first node drops the database when closed.
 */
public record TwoNodes(TestServer a, TestServer b) implements AutoCloseable {

    public static TwoNodes onPostgres(Path folder) {
        TestDatabase.Created database = TestDatabase.POSTGRES.create(folder);
        TestDatabase.Created shared = new TestDatabase.Created(database.url(), database.user(), database.password(), () -> {
        });
        TestServer a = TestServer.serving(TestSite.openOn(database, folder.resolve("a"), Clock.systemUTC()));
        try {
            return new TwoNodes(a, TestServer.serving(TestSite.openOn(shared,
                    sameConsultKey(folder.resolve("a"), folder.resolve("b")), Clock.systemUTC())));
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private static Path sameConsultKey(Path first, Path second) {
        try {
            Files.createDirectories(second.resolve("data"));
            Files.copy(first.resolve("data/consult.key"), second.resolve("data/consult.key"));
            return second;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            b.close();
        } finally {
            a.close();
        }
    }
}
