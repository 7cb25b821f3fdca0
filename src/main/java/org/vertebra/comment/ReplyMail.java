package org.vertebra.comment;

import org.vertebra.article.Article;
import org.vertebra.mail.OutgoingMail;

/** The email that tells a commenter of a reply: plain text, with the link to the conversation. */
final class ReplyMail {

    static final String KIND = "comment-reply";

    private ReplyMail() {
    }

    static OutgoingMail of(Comment answered, Comment reply, Article article, String baseUrl, String stopUrl) {
        String link = baseUrl + article.url() + "#" + reply.anchor();
        String who = reply.isStaff() ? reply.name() + " (from the site's team)" : reply.name();
        String text = """
                Hello %s,

                %s replied to your comment on "%s":

                %s

                Read the reply and the whole conversation:
                %s

                You get this email because you ticked "Email me when someone replies" when you wrote your comment. \
                We write only when someone answers it. Replies to this email are not read.

                Stop these emails: %s
                """.formatted(answered.name(), who, article.title(), quote(reply.bodyMarkdown()), link, stopUrl);
        // RFC 8058: mail programs offer a one-click "unsubscribe" that POSTs to the same address.
        return new OutgoingMail(KIND, answered.email(), "A reply to your comment on \u201c" + article.title() + "\u201d", text,
                null, java.util.Map.of("List-Unsubscribe", "<" + stopUrl + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    private static String quote(String text) {
        return text.lines().map(line -> "> " + line).collect(java.util.stream.Collectors.joining("\n"));
    }
}
