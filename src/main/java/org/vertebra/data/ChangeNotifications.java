package org.vertebra.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL for {@link ContentChanges#CHANNEL} on a connection of its own, and runs
 * the given check on every notification and after every (re)connection: notifications sent while
 * the connection was down are lost, and the check against the database's counter is what catches
 * up. The counter is the change log; a notification only says "look now".
 */
public final class ChangeNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** Opens a connection of the listener's own, outside any pool. */
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;
    private final Runnable check;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    public ChangeNotifications(ConnectionSource connections, Runnable check) {
        this.connections = connections;
        this.check = check;
        this.thread = new Thread(this::listen, "change-notifications");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void listen() {
        Duration pause = Duration.ofSeconds(1);
        while (running) {
            try (Connection listening = connections.open()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + ContentChanges.CHANNEL);
                }
                pause = Duration.ofSeconds(1);
                check.run(); // whatever changed while not listening
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        check.run();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warn("lost the change notifications connection ({}); polling goes on, retrying in {} s",
                        e.getMessage(), pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close(); // ends the wait at once
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
