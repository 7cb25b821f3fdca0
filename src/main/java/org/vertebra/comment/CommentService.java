package org.vertebra.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.access.User;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.comment.Comment.Status;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.mail.Outbox;
import org.vertebra.settings.SiteSettings;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;

/**
 * Readers' comments: what happens to one that is sent (shown at once, held for moderation, or
 * filed as spam), the editors' moderation, staff replies and the email to a commenter who asked to
 * be told of replies. Every change that shows on the site bumps the content counter in the same
 * transaction, and the email it causes is written to the outbox in that transaction too.
 */
public final class CommentService {

    /** The form's name for the spam guard's per-address limit. */
    static final String FORM = "comment";
    /** Comments one address may send in an hour. */
    public static final int PER_HOUR = 5;
    /** A comment with more links than this waits for an editor. */
    static final int MAX_LINKS = 2;
    /** The site setting (site_settings) with the days after publication that comments stay open; 0 or none: always. */
    static final String CLOSE_AFTER_DAYS = "comments.close_after_days";
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|mailto:)");

    private final CommentRepository repository;
    private final PublishedArticles articles;
    private final Transactor transactor;
    private final ContentChanges changes;
    private final FormGuard guard;
    private final Outbox outbox;
    private final SiteSettings settings;
    private final String baseUrl;
    private final Clock clock;

    /** The interface text of a language: a reply mail is in its article's language. */
    private final java.util.function.Function<org.vertebra.language.Language, org.vertebra.language.Messages> texts;

    public CommentService(Jdbi jdbi, Transactor transactor, ContentChanges changes, PublishedArticles articles, FormGuard guard,
                          Outbox outbox, SiteSettings settings, String baseUrl,
                          java.util.function.Function<org.vertebra.language.Language, org.vertebra.language.Messages> texts,
                          Clock clock) {
        this.texts = texts;
        this.repository = new CommentRepository(jdbi);
        this.articles = articles;
        this.transactor = transactor;
        this.changes = changes;
        this.guard = guard;
        this.outbox = outbox;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** A reader's comments, for their data export (privacy/). */
    public List<Map<String, Object>> exportPersonalData(String email) {
        return repository.byEmail(email).stream().map(c -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", c.id());
            row.put("article", articles.byId(c.articleId()).map(a -> baseUrl + a.url()).orElse(null));
            row.put("name", c.name());
            row.put("email", c.email());
            row.put("text", c.bodyMarkdown());
            row.put("status", c.status().key());
            row.put("reply_mails", c.wantsReplies());
            row.put("written_at", c.createdAt().toString());
            return row;
        }).toList();
    }

    /**
     * Erases a reader's comments (privacy/): their name, address and words go, and the comment's
     * place stays, marked as removed, so that other readers' replies still read in order. On a
     * health site the words themselves often say who someone is and what ails them, so they go too.
     */
    public int erasePersonalData(String email) {
        int erased = repository.anonymise(email, ERASED_NAME, ERASED_TEXT, "<p>" + ERASED_TEXT + "</p>");
        if (erased > 0) {
            changes.bump();
        }
        return erased;
    }

    public static final String ERASED_NAME = "Former reader";
    public static final String ERASED_TEXT = "This comment was removed at its writer's request.";

    /** What became of a comment that was sent. */
    public record Posted(long id, Status status) {
    }

    /**
     * Takes a reader's comment on a public article. Throws {@link Invalid} when it cannot be taken
     * as sent (a field, comments closed, the spam guard's refusal: too quick, too many), with
     * messages for the person. Spam is stored unseen and reported as held, so a bot learns nothing.
     */
    public Posted submit(Article article, CommentForm form, String address) {
        if (!isOpen(article)) {
            throw Invalid.of(null, "closed", "Comments on this article are closed.");
        }
        CommentForm.Valid valid = form.parse();
        Comment answered = valid.replyTo() == null ? null : answerable(article, valid.replyTo());
        Verdict verdict = guard.check(new FormGuard.Submission(FORM, address, form.ticket(), form.honeypot(), PER_HOUR,
                List.of(valid.name(), valid.email(), valid.body())));
        if (verdict.kind() == Verdict.Kind.REFUSED) {
            throw new Invalid(List.of(verdict.problem()));
        }
        Status status;
        String reason;
        if (verdict.kind() == Verdict.Kind.SPAM) {
            status = Status.SPAM;
            reason = verdict.message();
        } else if (links(valid.body()) > MAX_LINKS) {
            status = Status.HELD;
            reason = "more than " + MAX_LINKS + " links";
        } else if (!repository.hasApproved(valid.email())) {
            status = Status.HELD;
            reason = "first comment from this address";
        } else {
            status = Status.APPROVED;
            reason = null;
        }
        return transactor.inTransaction(() -> {
            long id = repository.insert(new CommentRepository.New(article.id(),
                    answered == null ? null : answered.threadId(), answered == null ? null : answered.id(),
                    valid.name(), valid.email(), guard.hash(address), valid.body(), CommentMarkdown.html(valid.body()),
                    status, reason, valid.wantsReplies(), null, clock.instant()));
            guard.record(FORM, address);
            if (status == Status.APPROVED) {
                changes.bump();
                tellAnswered(repository.byId(id).orElseThrow(), article);
            }
            return new Posted(id, status);
        });
    }

    /** Shows the comment on the site; the first time, its answered commenter is told if they asked. */
    public void approve(long id) {
        transactor.run(() -> {
            Comment comment = existing(id);
            if (comment.status() == Status.APPROVED) {
                return;
            }
            repository.setStatus(id, Status.APPROVED, null, clock.instant());
            changes.bump();
            if (comment.approvedAt() == null) {
                articles.byId(comment.articleId()).ifPresent(article -> tellAnswered(comment, article));
            }
        });
    }

    /** Takes the comment off the site (or out of the queue) without calling it spam. */
    public void reject(long id) {
        setHidden(id, Status.REJECTED, "rejected by an editor");
    }

    public void markSpam(long id) {
        setHidden(id, Status.SPAM, "marked as spam by an editor");
    }

    /**
     * A reply from the admin, shown at once under the answered comment's thread (the answered
     * comment is approved with it, if it was waiting). Throws {@link Invalid} for an empty or
     * too long text.
     */
    public long reply(User staff, long answeredId, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw Invalid.of("reply-" + answeredId, "Write the reply.");
        }
        if (text.length() > CommentForm.BODY_MAX) {
            throw Invalid.of("reply-" + answeredId, "The reply is too long: at most " + CommentForm.BODY_MAX + " characters.");
        }
        return transactor.inTransaction(() -> {
            Comment answered = existing(answeredId);
            approve(answeredId);
            Instant now = clock.instant();
            long id = repository.insert(new CommentRepository.New(answered.articleId(), answered.threadId(), answered.id(),
                    staff.name(), staff.email(), null, text, CommentMarkdown.html(text), Status.APPROVED, null, false,
                    staff.id(), now));
            changes.bump();
            articles.byId(answered.articleId()).ifPresent(article -> tellAnswered(repository.byId(id).orElseThrow(), article));
            return id;
        });
    }

    /**
     * A comment brought from another site (a WordPress import), stored as it stood there: no spam
     * check, no mail to anyone. {@code answeredId} is the comment it answers, already stored.
     */
    public record Imported(long articleId, Long answeredId, String name, String email, String markdown, boolean approved,
                           Long staffUserId, Instant createdAt) {
    }

    /** Stores an imported comment in the thread of the one it answers; returns its id. */
    public long importComment(Imported c) {
        return transactor.inTransaction(() -> {
            Comment answered = c.answeredId() == null ? null : existing(c.answeredId());
            String name = c.name().isBlank() ? "Anonymous" : c.name().strip();
            long id = repository.insert(new CommentRepository.New(c.articleId(),
                    answered == null ? null : answered.threadId(), answered == null ? null : answered.id(),
                    name.length() > 100 ? name.substring(0, 100) : name, c.email().strip(), null, c.markdown(),
                    CommentMarkdown.html(c.markdown()), c.approved() ? Status.APPROVED : Status.HELD,
                    c.approved() ? null : "waiting for approval on the old site", false, c.staffUserId(), c.createdAt()));
            if (c.approved()) {
                changes.bump();
            }
            return id;
        });
    }

    public Optional<Comment> byId(long id) {
        return repository.byId(id);
    }

    /** An article's approved comments in threads: each top-level comment with its replies, oldest first. */
    public List<Thread> threads(long articleId) {
        return threads(repository.approvedOn(articleId));
    }

    /** An article's threads (see {@link #threads(long)}) and the approved comments' counts of other articles, in one statement. */
    record ThreadsWithCounts(List<Thread> threads, Map<Long, Integer> counts) {
    }

    ThreadsWithCounts threads(long articleId, Collection<Long> counted) {
        CommentRepository.ApprovedWithCounts read = repository.approvedOnWithCounts(articleId, counted);
        return new ThreadsWithCounts(threads(read.approved()), read.counts());
    }

    private static List<Thread> threads(List<Comment> approved) {
        Map<Long, Thread> threads = new LinkedHashMap<>();
        for (Comment c : approved) {
            if (c.isTopLevel()) {
                threads.put(c.id(), new Thread(c, new ArrayList<>()));
            }
        }
        for (Comment c : approved) {
            if (!c.isTopLevel()) {
                Thread thread = threads.get(c.parentId());
                if (thread != null) {
                    thread.replies().add(c);
                } else {
                    // Its thread's first comment was taken off the site: the reply stands on its own.
                    threads.put(c.id(), new Thread(c, new ArrayList<>()));
                }
            }
        }
        return List.copyOf(threads.values());
    }

    /** A top-level comment and the replies under it. */
    public record Thread(Comment comment, List<Comment> replies) {
    }

    /** The moderation queue: comments with this status, newest first. */
    public List<Comment> queue(Status status, int limit, int offset) {
        return repository.withStatus(status, limit, offset);
    }

    public int count(Status status) {
        return repository.count(status);
    }

    /** Approved comments per article, for lists of articles; articles without any are left out. */
    public Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
        return repository.approvedCounts(articleIds);
    }

    /** Whether readers may comment on this article now. */
    public boolean isOpen(Article article) {
        return isOpen(article, closeAfterDays());
    }

    /** As {@link #isOpen(Article)}, with the setting read already (an article page keeps it per content generation). */
    boolean isOpen(Article article, int days) {
        if (article.isPage() || !articles.isPublic(article)) {
            return false;
        }
        return days == 0 || clock.instant().isBefore(article.publishedAt().plus(Duration.ofDays(days)));
    }

    /** Days after publication that an article takes comments; 0 means always. */
    public int closeAfterDays() {
        String value = settings.value(CLOSE_AFTER_DAYS);
        return value == null || !value.matches("\\d{1,5}") ? 0 : Integer.parseInt(value);
    }

    /** Sets the days after publication that articles take comments (0: always); pages change at once. */
    public void closeAfterDays(int days) {
        if (days < 0 || days > 99_999) {
            throw Invalid.of("days", "Enter a number of days from 0 (never close) to 99999.");
        }
        settings.saveValue(CLOSE_AFTER_DAYS, days == 0 ? null : Integer.toString(days));
    }

    static int links(String markdown) {
        return (int) LINK.matcher(markdown).results().count();
    }

    private void setHidden(long id, Status status, String reason) {
        transactor.run(() -> {
            Comment comment = existing(id);
            repository.setStatus(id, status, reason, clock.instant());
            if (comment.status() == Status.APPROVED) {
                changes.bump();
            }
        });
    }

    private Comment existing(long id) {
        return repository.byId(id).orElseThrow(() -> new java.util.NoSuchElementException("no comment " + id));
    }

    /** The comment a reader answers: shown on this same article. */
    private Comment answerable(Article article, long id) {
        return repository.byId(id).filter(c -> c.articleId() == article.id() && c.status() == Status.APPROVED)
                .orElseThrow(() -> Invalid.of("reply-to", "gone", "The comment you are answering is no longer shown. Choose another, or none."));
    }

    /** Emails the writer of the comment this one answers, when they asked for it (and it is not their own reply). */
    private void tellAnswered(Comment reply, Article article) {
        if (reply.replyToId() == null) {
            return;
        }
        repository.byId(reply.replyToId())
                .filter(answered -> answered.wantsReplies() && !answered.email().equalsIgnoreCase(reply.email()))
                .ifPresent(answered -> outbox.enqueue(ReplyMail.of(answered, reply, article, baseUrl,
                        baseUrl + STOP_PATH + "?token=" + stopToken(answered), texts.apply(article.lang()))));
    }

    /** Where a reply email's "stop these emails" link points; GET asks, POST (or one-click) does it. */
    public static final String STOP_PATH = "/comments/stop/";
    private static final String STOP_PURPOSE = "comment-replies";

    /** The token in a reply email's stop link: the comment's id and a signature over it. */
    String stopToken(Comment comment) {
        String id = Long.toString(comment.id());
        return id + "." + guard.sign(STOP_PURPOSE, id);
    }

    /** Whether the token came from one of our reply emails (before asking the person to confirm). */
    public boolean isStopToken(String token) {
        return commentOf(token) != null;
    }

    /** Stops reply emails for the comment the token names; false when the token is not ours. */
    public boolean stopReplies(String token) {
        Long id = commentOf(token);
        return id != null && repository.setWantsReplies(id, false);
    }

    private Long commentOf(String token) {
        if (token == null || !token.matches("\\d{1,18}\\.[A-Za-z0-9_-]{43}")) {
            return null;
        }
        String id = token.substring(0, token.indexOf('.'));
        return guard.signedBy(STOP_PURPOSE, id, token.substring(token.indexOf('.') + 1)) ? Long.valueOf(id) : null;
    }
}
