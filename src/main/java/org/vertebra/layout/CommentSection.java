package org.vertebra.layout;

import java.util.List;
import org.vertebra.form.FormMessages;

/**
 * The comments under an article (src/main/jte/comment/section.jte): approved comments in threads
 * two levels deep, and the form, or a note that comments are closed.
 *
 * @param action   where the form posts
 * @param notice   what to tell the person who just sent a comment; null otherwise
 * @param messages the problems of a refused comment, shown with what was typed ({@code form})
 */
public record CommentSection(String action, int count, List<Entry> threads, boolean open, String notice, Form form,
                             FormMessages messages) {

    /**
     * One comment. {@code bodyHtml} was sanitized with the OWASP sanitizer when it was sent, which
     * is why the template may print it unescaped.
     */
    public record Entry(String anchor, String name, boolean staff, String dateText, String dateIso, String bodyHtml,
                        String replyUrl, List<Entry> replies) {
    }

    /** The form's values: empty, or as typed when a comment was refused. */
    public record Form(String name, String email, String body, boolean wantsReplies, String ticket, List<Choice> replyTo) {
    }

    /** An entry of the "In reply to" list. */
    public record Choice(String value, String label, boolean selected) {
    }
}
