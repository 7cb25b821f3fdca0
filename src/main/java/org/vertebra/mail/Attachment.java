package org.vertebra.mail;

import java.util.Objects;

/**
 * A text file sent with a mail, such as a calendar invitation ({@code text/calendar}).
 *
 * @param contentType the MIME type with its parameters, such as {@code text/calendar; method=PUBLISH}
 */
public record Attachment(String fileName, String contentType, String text) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
    }
}
