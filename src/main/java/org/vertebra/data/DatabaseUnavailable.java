package org.vertebra.data;

/** The database named in the settings cannot be opened: an unknown kind of URL, or no connection. */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message) {
        super(message);
    }
}
