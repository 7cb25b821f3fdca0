package org.vertebra.mail;

import java.util.Objects;

/**
 * A text file sent with a mail, such as a calendar invitation ({@code text/calendar}).
 *
 * @param contentType the MIME type with its parameters, such as {@code text/calendar; method=REQUEST}
 * @param alternative also sent as an alternative of the body (multipart/alternative beside the
 *                    text), as mail programs need an invitation to be to show it as one; the file
 *                    is attached as well, for the programs that only import files
 */
public record Attachment(String fileName, String contentType, String text, boolean alternative) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(text, "text");
    }

    /** A file that is only attached. */
    public Attachment(String fileName, String contentType, String text) {
        this(fileName, contentType, text, false);
    }
}
