package org.vertebra.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertebra.article.Article;
import org.vertebra.article.Discussion;
import java.util.function.Function;
import org.vertebra.form.FormMessages;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;
import org.vertebra.layout.CommentSection;
import org.vertebra.layout.DateText;
import org.vertebra.layout.PerContentGeneration;
import org.vertebra.spam.FormGuard;

/**
 * Builds the comments section of an article page: the approved threads, and the form with a fresh
 * spam-guard ticket (as old as the cached page; the guard only asks "not too quick"), or the note
 * that comments are closed.
 */
final class CommentSections implements Discussion {

    /** After sending: {@value #HELD} or {@value #POSTED}. */
    static final String NOTICE = "comment";
    /** The id of the comment to answer, from a comment's "Reply" link. */
    static final String REPLY_TO = "replyto";
    static final String HELD = "held";
    static final String POSTED = "posted";

    private final CommentService comments;
    private final FormGuard guard;
    private final Function<Language, Messages> texts;
    private final PerContentGeneration<Integer> closeAfterDays;

    /**
     * @param texts the interface text of a language: a section is in its article's language
     * @param contentGeneration the frame's content generation: the days comments stay open are read once in each
     */
    CommentSections(CommentService comments, FormGuard guard, Function<Language, Messages> texts,
                           java.util.function.LongSupplier contentGeneration) {
        this.comments = comments;
        this.guard = guard;
        this.texts = texts;
        this.closeAfterDays = new PerContentGeneration<>(contentGeneration, comments::closeAfterDays);
    }

    @Override
    public Set<String> parameters() {
        return Set.of(NOTICE, REPLY_TO);
    }

    @Override
    public Section section(Article article, Map<String, String> parameters, Collection<Long> counted) {
        Messages text = texts.apply(article.lang());
        String notice = switch (parameters.getOrDefault(NOTICE, "")) {
            case HELD -> text.get("comment.notice.held");
            case POSTED -> text.get("comment.notice.posted");
            default -> null;
        };
        String replyTo = parameters.getOrDefault(REPLY_TO, "");
        CommentService.ThreadsWithCounts read = comments.threads(article.id(), counted);
        return new Section(section(article, read.threads(), CommentForm.blank(replyTo.matches("\\d{1,18}") ? Long.parseLong(replyTo) : null),
                notice, FormMessages.NONE), read.counts());
    }

    /** The section with a refused form: what was typed, and what is wrong with it. */
    CommentSection refused(Article article, CommentForm typed, FormMessages problems) {
        return section(article, comments.threads(article.id()), typed, null, problems.in(texts.apply(article.lang()), "comment"));
    }

    private CommentSection section(Article article, List<CommentService.Thread> threads, CommentForm form, String notice,
                                   FormMessages messages) {
        Messages text = texts.apply(article.lang());
        List<CommentSection.Entry> entries = new ArrayList<>();
        List<CommentSection.Choice> choices = new ArrayList<>();
        choices.add(new CommentSection.Choice("", text.get("comment.reply.nobody"), form.replyTo().isBlank()));
        int count = 0;
        boolean open = comments.isOpen(article, closeAfterDays.get());
        for (CommentService.Thread thread : threads) {
            List<CommentSection.Entry> replies = new ArrayList<>();
            for (Comment reply : thread.replies()) {
                replies.add(entry(article, reply, open, List.of(), text));
                choices.add(choice(reply, form, text));
            }
            entries.add(entry(article, thread.comment(), open, replies, text));
            choices.add(choices.size() - replies.size(), choice(thread.comment(), form, text));
            count += 1 + replies.size();
        }
        return new CommentSection("/comments/" + article.id() + "/", count, entries, open, notice,
                new CommentSection.Form(form.name(), form.email(), form.body(), form.wantsReplies(), guard.ticket(), choices),
                messages);
    }

    private static CommentSection.Entry entry(Article article, Comment c, boolean open, List<CommentSection.Entry> replies,
                                              Messages text) {
        return new CommentSection.Entry(c.anchor(), c.name(), c.isStaff(), text.date(c.createdAt()),
                DateText.iso(c.createdAt()), c.bodyHtml(),
                open ? article.url() + "?" + REPLY_TO + "=" + c.id() + "#respond" : null, replies);
    }

    private static CommentSection.Choice choice(Comment c, CommentForm form, Messages text) {
        return new CommentSection.Choice(Long.toString(c.id()), c.name() + ", " + text.date(c.createdAt()),
                form.replyTo().strip().equals(Long.toString(c.id())));
    }
}
