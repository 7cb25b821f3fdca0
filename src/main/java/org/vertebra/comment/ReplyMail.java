package org.vertebra.comment;

import org.vertebra.article.Article;
import org.vertebra.language.Messages;
import org.vertebra.mail.OutgoingMail;

/** The email that tells a commenter of a reply: plain text, with the link to the conversation, in the article's language. */
final class ReplyMail {

    static final String KIND = "comment-reply";

    private ReplyMail() {
    }

    static OutgoingMail of(Comment answered, Comment reply, Article article, String baseUrl, String stopUrl, Messages words) {
        String link = baseUrl + article.url() + "#" + reply.anchor();
        String who = reply.isStaff() ? words.format("comment.mail.staff", reply.name()) : reply.name();
        String text = words.format("comment.mail.text", answered.name(), who, article.title(), quote(reply.bodyMarkdown()),
                link, stopUrl) + "\n";
        // RFC 8058: mail programs offer a one-click "unsubscribe" that POSTs to the same address.
        return new OutgoingMail(KIND, answered.email(), words.format("comment.mail.subject", article.title()), text,
                null, java.util.Map.of("List-Unsubscribe", "<" + stopUrl + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    }

    private static String quote(String text) {
        return text.lines().map(line -> "> " + line).collect(java.util.stream.Collectors.joining("\n"));
    }
}
