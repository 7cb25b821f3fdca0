package org.vertebra.app;

/**
 * Work a server's start would do later on its one thread, begun at once on a second: while picocli
 * reads the command line (it reflects over its options and registers its converters for about a
 * quarter of a second), the SQLite driver unpacks and loads its native library (it compares the
 * 1 MB file with the copy in the temporary folder at every start) and Jdbi initialises its Java
 * Flight Recorder support (registering its statement event), which the first query would otherwise
 * wait for. A small server has two cores; the second is otherwise idle then.
 *
 * <p>Only work that is self-contained and guarded by the JVM's class-initialisation lock or the
 * driver's own lock is done here, so the main thread, arriving at the same point, waits for it or
 * finds it done: never two orders of initialising classes that could wait for each other.
 */
public final class StartAhead {

    private StartAhead() {
    }

    public static void begin() {
        Thread ahead = new Thread(StartAhead::run, "start-ahead");
        ahead.setDaemon(true);
        ahead.start();
    }

    private static void run() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
            Class.forName("org.jdbi.v3.core.statement.internal.JfrSupport", true, StartAhead.class.getClassLoader());
        } catch (Exception | LinkageError e) {
            // Only time is lost: the main thread does the same work when it gets there, and reports what fails.
        }
    }
}
