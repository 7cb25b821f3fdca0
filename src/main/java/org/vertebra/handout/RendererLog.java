package org.vertebra.handout;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** openhtmltopdf's messages in the site's log: its warnings and errors, one line each; its progress notes dropped. */
final class RendererLog implements XRLogger {

    private static final Logger LOG = LoggerFactory.getLogger("org.vertebra.handout.pdf");

    @Override
    public void log(String where, Level level, String message) {
        log(where, level, message, null);
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.error("{}: {}", where, message, error);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, message, error);
        }
    }

    @Override
    public void setLevel(String where, Level level) {
        // The level is SLF4J's to set.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}
