package org.vertebra.newsletter;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleService;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
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
    private final ArticleService articles;
    private final FormGuard guard;
    private final FrameService frames;
    private final Templates templates;

    public NewsletterRoutes(NewsletterService newsletter, ArticleService articles, FormGuard guard, FrameService frames,
                            Templates templates) {
        this.newsletter = newsletter;
        this.articles = articles;
        this.guard = guard;
        this.frames = frames;
        this.templates = templates;
    }

    public void register(RoutesConfig routes) {
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
            notice(ctx, 200, "Check your inbox", List.of(
                    "An email with a confirmation link will be sent to " + email.strip() + ", unless that address is "
                            + "subscribed already. Open the link within " + NewsletterService.CONFIRM_VALID.toHours()
                            + " hours and press its button to start receiving the newsletter.",
                    "Nothing arrived after a few minutes? Look in the spam folder, or check the address and send the form again."),
                    null, null, null);
        } catch (Invalid invalid) {
            form(ctx, 422, email, FormMessages.of(invalid));
        }
    }

    /** GET only asks, as for unsubscribing: a link scanner that opens the link must not confirm anyone. */
    private void askToConfirm(Context ctx) {
        String token = ctx.queryParam("token");
        switch (newsletter.confirmable(token)) {
            case CONFIRMED -> notice(ctx, 200, "Confirm your subscription", List.of(
                    "Press the button to confirm that you want to receive the newsletter at this address.",
                    "If you did not ask for it, close this page: nothing will be sent."),
                    token, "/newsletter/confirm/", "Confirm my subscription");
            case EXPIRED -> expired(ctx);
            case USED_OR_UNKNOWN -> usedOrUnknown(ctx);
        }
    }

    /** 410 for a used or expired link: the 404 handler would replace the explanation. */
    private void confirm(Context ctx) {
        switch (newsletter.confirm(ctx.formParam("token"))) {
            case CONFIRMED -> notice(ctx, 200, "You are subscribed", List.of(
                    "Thank you: your address is confirmed. The next newsletter will reach you.",
                    "Every newsletter ends with a link to unsubscribe."), null, null, null);
            case EXPIRED -> expired(ctx);
            case USED_OR_UNKNOWN -> usedOrUnknown(ctx);
        }
    }

    private void expired(Context ctx) {
        notice(ctx, 410, "This link has expired", List.of(
                "Confirmation links work for " + NewsletterService.CONFIRM_VALID.toHours() + " hours. "
                        + "Subscribe again on the newsletter page to get a new one."), null, null, null);
    }

    private void usedOrUnknown(Context ctx) {
        notice(ctx, 410, "This link has already been used or is not valid", List.of(
                "Each confirmation link works once. If you confirmed before, you are already subscribed.",
                "Otherwise, subscribe again on the newsletter page to get a new link."), null, null, null);
    }

    /** GET only asks: link scanners in mail systems open every link, and must not unsubscribe anyone. */
    private void askToUnsubscribe(Context ctx) {
        String token = ctx.queryParam("token");
        newsletter.unsubscribeTarget(token).ifPresentOrElse(
                s -> notice(ctx, 200, "Unsubscribe from the newsletter", List.of(
                        Subscriber.UNSUBSCRIBED.equals(s.status()) ? s.email() + " is already unsubscribed; nothing more will be sent to it."
                                : "Press the button to stop the newsletter to " + s.email() + ". Nothing more will be sent to it."),
                        Subscriber.UNSUBSCRIBED.equals(s.status()) ? null : token, "/newsletter/unsubscribe/",
                        "Unsubscribe " + s.email()),
                () -> invalidUnsubscribeLink(ctx));
    }

    private void unsubscribe(Context ctx) {
        String token = ctx.queryParam("token") != null ? ctx.queryParam("token") : ctx.formParam("token");
        switch (newsletter.unsubscribe(token)) {
            case UNSUBSCRIBED, ALREADY -> notice(ctx, 200, "You are unsubscribed", List.of(
                    "The newsletter will not be sent to this address any more.",
                    "Changed your mind? You can subscribe again on the newsletter page at any time."), null, null, null);
            case UNKNOWN -> invalidUnsubscribeLink(ctx);
        }
    }

    private void invalidUnsubscribeLink(Context ctx) {
        notice(ctx, 400, "This unsubscribe link is not valid", List.of(
                "The link may have been cut short when it was copied. Open it straight from the email, "
                        + "or use the contact page and we will take your address off the list."), null, null, null);
    }

    private void form(Context ctx, int status, String email, FormMessages messages) {
        Article page = articles.published(PAGE_SLUG).filter(Article::isPage).orElse(null);
        String title = page == null ? "Newsletter" : page.title();
        send(ctx, status, "newsletter/subscribe.jte", new SubscribePage(frames.frame(title, null, "/newsletter/"), title,
                page == null ? null : page.bodyHtml(), page != null && page.demo(), email, messages, guard.ticket()));
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
