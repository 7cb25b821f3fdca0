package org.vertebra.comment;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.function.BiFunction;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.CommentSection;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.web.Templates;
import org.vertebra.spam.FormGuard;
import org.vertebra.web.Html;
import org.vertebra.web.Role;

/**
 * {@code POST /comments/{article}/}: a reader sends a comment from the form under an article. The
 * form sits on a cached page, so it is guarded as a public form (same-site origin, the spam guard)
 * rather than by a session's token. The answer is a 303 back to the article with a query string,
 * which bypasses the page cache, so the notice (and a comment shown at once) is there at once; a
 * refused comment answers 422 with the article page, the form's problems and what was typed.
 */
public final class CommentRoutes {

    /** The page a reply email's stop link opens: a question first, then what was done. */
    public record StopPage(Frame frame, String token, boolean valid, boolean done) {
    }

    private final CommentService comments;
    private final CommentSections sections;
    private final PublishedArticles articles;
    private final BiFunction<Article, CommentSection, byte[]> articlePage;
    private final FrameService frames;
    private final Templates templates;

    /** @param articlePage renders an article's page with the given comments section (ArticleRoutes.render) */
    CommentRoutes(CommentService comments, CommentSections sections, PublishedArticles articles,
                         BiFunction<Article, CommentSection, byte[]> articlePage, FrameService frames, Templates templates) {
        this.comments = comments;
        this.sections = sections;
        this.articles = articles;
        this.articlePage = articlePage;
        this.frames = frames;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        // Before /comments/{article}/, which would otherwise take "stop" for an article.
        routes.get(CommentService.STOP_PATH, this::askToStop, Role.ANYONE);
        routes.post(CommentService.STOP_PATH, this::stop, Role.PUBLIC_FORM);
        routes.post("/comments/{article}/", this::submit, Role.PUBLIC_FORM);
    }

    /** A GET never stops anything: mail scanners open links; the person confirms with the button. */
    private void askToStop(Context ctx) {
        String token = ctx.queryParam("token");
        boolean valid = comments.isStopToken(token);
        stopPage(ctx, valid ? 200 : 400, new StopPage(frame(), valid ? token : null, valid, false));
    }

    /** The button on that page, or a mail program's one-click POST (RFC 8058), which sends the token in the address. */
    private void stop(Context ctx) {
        String token = ctx.formParam("token") != null ? ctx.formParam("token") : ctx.queryParam("token");
        boolean done = comments.stopReplies(token);
        stopPage(ctx, done ? 200 : 400, new StopPage(frame(), null, done, done));
    }

    private Frame frame() {
        return frames.frame(frames.siteText().get("comment.stop.title"), null, CommentService.STOP_PATH);
    }

    private void stopPage(Context ctx, int status, StopPage page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, status, templates.render("comment/stop.jte", page));
    }

    private void submit(Context ctx) {
        String id = ctx.pathParam("article");
        Article article = (id.matches("\\d{1,18}") ? articles.byId(Long.parseLong(id)) : java.util.Optional.<Article>empty())
                .filter(a -> articles.isPublic(a) && !a.isPage())
                .orElseThrow(NotFoundResponse::new);
        CommentForm form = new CommentForm(ctx.formParam("name"), ctx.formParam("email"), ctx.formParam("body"),
                ctx.formParam("notify") != null, ctx.formParam("reply-to"), ctx.formParam(FormGuard.TICKET),
                ctx.formParam(FormGuard.HONEYPOT));
        try {
            CommentService.Posted posted = comments.submit(article, form, ctx.ip());
            String where = posted.status() == Comment.Status.APPROVED
                    ? "?" + CommentSections.NOTICE + "=" + CommentSections.POSTED + "#comment-" + posted.id()
                    : "?" + CommentSections.NOTICE + "=" + CommentSections.HELD + "#respond";
            ctx.redirect(article.url() + where, HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            ctx.header("Cache-Control", "no-store");
            Html.send(ctx, 422, articlePage.apply(article, sections.refused(article, form, FormMessages.of(invalid))));
        }
    }
}
