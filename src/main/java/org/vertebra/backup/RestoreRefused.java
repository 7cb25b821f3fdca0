package org.vertebra.backup;

/** A restore that would overwrite a site: the target folder or database is not empty. */
public final class RestoreRefused extends Exception {

    public RestoreRefused(String message) {
        super(message);
    }
}
