package org.vertebra.comment;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.comment.Comment.Status;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.DateText;
import org.vertebra.layout.MenuLink;

/**
 * /admin/comments/: the moderation queue (held, approved, spam, rejected), where editors approve,
 * reject, mark as spam and reply; and, for administrators, the days after which comments close.
 */
public final class CommentAdminRoutes {

    static final int PAGE_SIZE = 50;

    /** The queue of one status. */
    public record QueuePage(AdminFrame frame, String status, List<MenuLink> filters, List<Row> rows, int total,
                            String nextUrl, FormMessages messages, boolean maySetClosing, String closeAfterDays) {
    }

    /** One comment in the queue; {@code bodyHtml} is the sanitized HTML stored with it. */
    public record Row(long id, String articleTitle, String articleUrl, String name, String email, boolean staff,
                      String dateText, String dateIso, String bodyHtml, String reason, String replyToName,
                      boolean mayApprove, boolean mayReject, boolean maySpam, boolean mayReply, String replyText) {
    }

    private static final Map<String, String> NOTICES = Map.of(
            "approved", "Approved: the comment is on the site.",
            "rejected", "Rejected: the comment is not shown.",
            "spam", "Marked as spam: the comment is not shown.",
            "replied", "Your reply is on the site.",
            "closing", "Saved: the closing rule applies to every article now.");

    private final CommentService comments;
    private final PublishedArticles articles;
    private final AdminShell shell;

    CommentAdminRoutes(CommentService comments, PublishedArticles articles, AdminShell shell) {
        this.comments = comments;
        this.articles = articles;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        shell.addAttention(this::waiting);
        routes.get("/admin/comments/", this::queue, Action.MODERATE_COMMENTS);
        routes.post("/admin/comments/{id}/approve/", ctx -> act(ctx, comments::approve, "approved"), Action.MODERATE_COMMENTS);
        routes.post("/admin/comments/{id}/reject/", ctx -> act(ctx, comments::reject, "rejected"), Action.MODERATE_COMMENTS);
        routes.post("/admin/comments/{id}/spam/", ctx -> act(ctx, comments::markSpam, "spam"), Action.MODERATE_COMMENTS);
        routes.post("/admin/comments/{id}/reply/", this::reply, Action.MODERATE_COMMENTS);
        routes.post("/admin/comments/settings/", this::saveClosing, Action.MANAGE_SETTINGS);
    }

    private List<MenuLink> waiting(User user) {
        if (!user.may(Action.MODERATE_COMMENTS)) {
            return List.of();
        }
        int held = comments.count(Status.HELD);
        return held == 0 ? List.of()
                : List.of(new MenuLink(new org.vertebra.layout.Noun("comment", "comments").count(held) + " waiting", "/admin/comments/", false));
    }

    private void queue(Context ctx) {
        String done = ctx.queryParam("done");
        render(ctx, 200, status(ctx.queryParam("status")), page(ctx), FormMessages.notice(done == null ? null : NOTICES.get(done)),
                null, null);
    }

    private void act(Context ctx, java.util.function.LongConsumer action, String done) {
        long id = id(ctx);
        action.accept(id);
        ctx.redirect("/admin/comments/?status=" + back(ctx) + "&done=" + done, HttpStatus.SEE_OTHER);
    }

    private void reply(Context ctx) {
        long id = id(ctx);
        String text = ctx.formParam("reply");
        try {
            comments.reply(SignedIn.user(ctx), id, text);
            ctx.redirect("/admin/comments/?status=" + back(ctx) + "&done=replied", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, status(ctx.formParam("back")), 1, FormMessages.of(invalid), id, text);
        }
    }

    private void saveClosing(Context ctx) {
        String days = ctx.formParam("days") == null ? "" : ctx.formParam("days").strip();
        try {
            if (!days.matches("\\d{1,5}")) {
                throw Invalid.of("days", "Enter a whole number of days from 0 (never close) to 99999.");
            }
            comments.closeAfterDays(Integer.parseInt(days));
            ctx.redirect("/admin/comments/?done=closing", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, Status.HELD, 1, FormMessages.of(invalid), null, null, days);
        }
    }

    private void render(Context ctx, int code, Status status, int page, FormMessages messages, Long replyId, String replyText) {
        render(ctx, code, status, page, messages, replyId, replyText, Integer.toString(comments.closeAfterDays()));
    }

    private void render(Context ctx, int code, Status status, int page, FormMessages messages, Long replyId, String replyText,
                        String closeAfterDays) {
        List<Comment> shown = comments.queue(status, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        Map<Long, Optional<Article>> byId = new java.util.HashMap<>();
        List<Row> rows = shown.stream().limit(PAGE_SIZE).map(c -> {
            Optional<Article> article = byId.computeIfAbsent(c.articleId(), articles::byId);
            String answered = c.replyToId() == null ? null : comments.byId(c.replyToId()).map(Comment::name).orElse(null);
            return new Row(c.id(), article.map(Article::title).orElse("(deleted article)"),
                    article.map(a -> a.url() + (c.status() == Status.APPROVED ? "#" + c.anchor() : "")).orElse(null),
                    c.name(), c.email(), c.isStaff(), DateText.words(c.createdAt()), DateText.iso(c.createdAt()), c.bodyHtml(),
                    c.statusReason(), answered, c.status() != Status.APPROVED, c.status() != Status.REJECTED,
                    c.status() != Status.SPAM && !c.isStaff(), c.status() != Status.SPAM,
                    replyId != null && replyId == c.id() ? replyText : "");
        }).toList();
        List<MenuLink> filters = List.of(Status.HELD, Status.APPROVED, Status.SPAM, Status.REJECTED).stream()
                .map(s -> new MenuLink(label(s) + " (" + comments.count(s) + ")", "/admin/comments/?status=" + s.key(), s == status))
                .toList();
        String next = shown.size() > PAGE_SIZE ? "/admin/comments/?status=" + status.key() + "&page=" + (page + 1) : null;
        shell.render(ctx, code, "comment/queue.jte", new QueuePage(shell.frame(ctx, "Comments", AdminShell.Section.COMMENTS),
                status.key(), filters, rows, comments.count(status), next, messages,
                SignedIn.user(ctx).may(Action.MANAGE_SETTINGS), closeAfterDays));
    }

    static String label(Status status) {
        return switch (status) {
            case HELD -> "Waiting";
            case APPROVED -> "Approved";
            case SPAM -> "Spam";
            case REJECTED -> "Rejected";
        };
    }

    private static Status status(String value) {
        for (Status s : Status.values()) {
            if (s.key().equals(value)) {
                return s;
            }
        }
        return Status.HELD;
    }

    /** The queue the form was sent from, to go back to. */
    private static String back(Context ctx) {
        return status(ctx.formParam("back")).key();
    }

    private static int page(Context ctx) {
        String value = ctx.queryParam("page");
        return value != null && value.matches("\\d{1,5}") && Integer.parseInt(value) > 0 ? Integer.parseInt(value) : 1;
    }

    private long id(Context ctx) {
        String value = ctx.pathParam("id");
        if (!value.matches("\\d{1,18}") || comments.byId(Long.parseLong(value)).isEmpty()) {
            throw new NotFoundResponse();
        }
        return Long.parseLong(value);
    }
}
