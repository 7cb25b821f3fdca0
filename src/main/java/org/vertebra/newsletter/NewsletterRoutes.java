package org.vertebra.newsletter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.language.Messages;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.spam.FormGuard;
import org.vertebra.spam.Verdict;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * /newsletter/: the sign-up form (with the text of the page whose slug is {@code newsletter}, when
 * there is one), the confirmation link and the unsubscribe link. These pages differ per visitor,
 * so they never pass through the page cache and are sent with {@code Cache-Control: no-store}.
 * Neither link changes anything when opened: mail systems' link scanners open every link in a
 * mail, so the page asks, and only its button (a POST) confirms or unsubscribes. The unsubscribe
 * POST is RFC 8058's one-click too: it needs no cookie and no form token.
 */
public final class NewsletterRoutes {

    static final String PAGE_SLUG = "newsletter";

    /** The sign-up page; {@code email} is what was typed, kept after a refusal. */
    public record SubscribePage(Frame frame, String title, String introHtml, boolean demo, String email,
                                FormMessages messages, String ticket) {
    }

    /**
     * A page that says what happened; with a token, it asks for the button that does what the link
     * is for ({@code action}: the form's address, {@code button}: its words).
     */
    public record NoticePage(Frame frame, String title, List<String> paragraphs, String token, String action, String button) {
    }

    private final NewsletterService newsletter;
    private final PublishedArticles articles;
    private final FormGuard guard;
    private final FrameService frames;
    private final Templates templates;

    NewsletterRoutes(NewsletterService newsletter, PublishedArticles articles, FormGuard guard, FrameService frames,
                            Templates templates) {
        this.newsletter = newsletter;
        this.articles = articles;
        this.guard = guard;
        this.frames = frames;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/newsletter/", this::show, Role.ANYONE);
        routes.post("/newsletter/", this::subscribe, Role.PUBLIC_FORM);
        routes.get("/newsletter/confirm/", this::askToConfirm, Role.ANYONE);
        routes.post("/newsletter/confirm/", this::confirm, Role.PUBLIC_FORM);
        routes.get("/newsletter/unsubscribe/", this::askToUnsubscribe, Role.ANYONE);
        routes.post("/newsletter/unsubscribe/", this::unsubscribe, Role.PUBLIC_FORM);
    }

    private void show(Context ctx) {
        form(ctx, 200, "", FormMessages.NONE);
    }

    private void subscribe(Context ctx) {
        String email = ctx.formParam("email");
        try {
            Verdict verdict = newsletter.subscribe(email, ctx.ip(), ctx.formParam(FormGuard.TICKET), ctx.formParam(FormGuard.HONEYPOT));
            if (verdict.kind() == Verdict.Kind.REFUSED) {
                form(ctx, 422, email, new FormMessages(java.util.List.of(verdict.problem()), null));
                return;
            }
            // Accepted or taken for spam, new, pending or confirmed: the same answer, so the form reveals nothing.
            Messages t = frames.siteText();
            notice(ctx, 200, t.get("newsletter.inbox.title"), List.of(
                    t.format("newsletter.inbox.sent", email.strip(), NewsletterService.CONFIRM_VALID.toHours()),
                    t.get("newsletter.inbox.nothing")),
                    null, null, null);
        } catch (Invalid invalid) {
            form(ctx, 422, email, FormMessages.of(invalid));
        }
    }

    /** GET only asks, as for unsubscribing: a link scanner that opens the link must not confirm anyone. */
    private void askToConfirm(Context ctx) {
        String token = ctx.queryParam("token");
        Messages t = frames.siteText();
        switch (newsletter.confirmable(token)) {
            case CONFIRMED -> notice(ctx, 200, t.get("newsletter.confirm.title"), List.of(
                    t.get("newsletter.confirm.press"), t.get("newsletter.confirm.ignore")),
                    token, "/newsletter/confirm/", t.get("newsletter.confirm.button"));
            case EXPIRED -> expired(ctx);
            case USED_OR_UNKNOWN -> usedOrUnknown(ctx);
        }
    }

    /** 410 for a used or expired link: the 404 handler would replace the explanation. */
    private void confirm(Context ctx) {
        Messages t = frames.siteText();
        switch (newsletter.confirm(ctx.formParam("token"))) {
            case CONFIRMED -> notice(ctx, 200, t.get("newsletter.subscribed.title"), List.of(
                    t.get("newsletter.subscribed.thanks"), t.get("newsletter.subscribed.unsubscribe")), null, null, null);
            case EXPIRED -> expired(ctx);
            case USED_OR_UNKNOWN -> usedOrUnknown(ctx);
        }
    }

    private void expired(Context ctx) {
        Messages t = frames.siteText();
        notice(ctx, 410, t.get("newsletter.expired.title"), List.of(
                t.format("newsletter.expired.text", NewsletterService.CONFIRM_VALID.toHours())), null, null, null);
    }

    private void usedOrUnknown(Context ctx) {
        Messages t = frames.siteText();
        notice(ctx, 410, t.get("newsletter.used.title"), List.of(
                t.get("newsletter.used.once"), t.get("newsletter.used.again")), null, null, null);
    }

    /** GET only asks: link scanners in mail systems open every link, and must not unsubscribe anyone. */
    private void askToUnsubscribe(Context ctx) {
        String token = ctx.queryParam("token");
        Messages t = frames.siteText();
        newsletter.unsubscribeTarget(token).ifPresentOrElse(
                s -> notice(ctx, 200, t.get("newsletter.unsubscribe.title"), List.of(
                        Subscriber.UNSUBSCRIBED.equals(s.status()) ? t.format("newsletter.unsubscribe.already", s.email())
                                : t.format("newsletter.unsubscribe.press", s.email())),
                        Subscriber.UNSUBSCRIBED.equals(s.status()) ? null : token, "/newsletter/unsubscribe/",
                        t.format("newsletter.unsubscribe.button", s.email())),
                () -> invalidUnsubscribeLink(ctx));
    }

    private void unsubscribe(Context ctx) {
        String token = ctx.queryParam("token") != null ? ctx.queryParam("token") : ctx.formParam("token");
        Messages t = frames.siteText();
        switch (newsletter.unsubscribe(token)) {
            case UNSUBSCRIBED, ALREADY -> notice(ctx, 200, t.get("newsletter.unsubscribed.title"), List.of(
                    t.get("newsletter.unsubscribed.text"), t.get("newsletter.unsubscribed.again")), null, null, null);
            case UNKNOWN -> invalidUnsubscribeLink(ctx);
        }
    }

    private void invalidUnsubscribeLink(Context ctx) {
        Messages t = frames.siteText();
        notice(ctx, 400, t.get("newsletter.invalid.title"), List.of(t.get("newsletter.invalid.text")), null, null, null);
    }

    private void form(Context ctx, int status, String email, FormMessages messages) {
        Article page = articles.published(PAGE_SLUG).filter(Article::isPage).orElse(null);
        Messages t = frames.siteText();
        String title = page == null ? t.get("newsletter.title") : page.title();
        send(ctx, status, "newsletter/subscribe.jte", new SubscribePage(frames.frame(title, null, "/newsletter/"), title,
                page == null ? null : page.bodyHtml(), page != null && page.demo(), email, messages.in(t, "newsletter"),
                guard.ticket()));
    }

    private void notice(Context ctx, int status, String title, List<String> paragraphs, String token, String action,
                        String button) {
        send(ctx, status, "newsletter/notice.jte", new NoticePage(frames.frame(title, null, "/newsletter/"), title, paragraphs,
                token, action, button));
    }

    private void send(Context ctx, int status, String template, Object page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, status, templates.render(template, page));
    }
}
