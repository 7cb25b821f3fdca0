package org.vertebra.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One email to send: plain text always, HTML when there is a nicer version, and extra headers
 * (List-Unsubscribe, for example), and text attachments (a calendar invitation).
 *
 * @param kind what caused it ("comment-reply", "newsletter-confirm", ...), for the admin's outbox view
 * @param html null when the mail is plain text only
 */
public record OutgoingMail(String kind, String to, String subject, String text, String html, Map<String, String> headers,
                           List<Attachment> attachments) {

    public OutgoingMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A mail without attachments. */
    public OutgoingMail(String kind, String to, String subject, String text, String html, Map<String, String> headers) {
        this(kind, to, subject, text, html, headers, List.of());
    }

    public static OutgoingMail plain(String kind, String to, String subject, String text) {
        return new OutgoingMail(kind, to, subject, text, null, Map.of());
    }
}
