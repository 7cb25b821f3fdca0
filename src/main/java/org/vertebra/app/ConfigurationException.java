package org.vertebra.app;

/** A setting that cannot be used; its message is shown to the operator as it is. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
