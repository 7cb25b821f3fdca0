package org.vertebra.backup;

/** A backup file that cannot be restored, with a message that says why in words a person understands. */
public final class DamagedBackup extends Exception {

    public DamagedBackup(String message) {
        super(message);
    }

    public DamagedBackup(String message, Throwable cause) {
        super(message, cause);
    }
}
