package org.vertebra.contact;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.vertebra.article.Article;
import org.vertebra.article.PublishedArticles;
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
 * /contact/: the contact form (below the text of the page whose slug is {@code contact}, when there
 * is one) and its confirmation. Like the newsletter's pages these differ per visitor, so they skip
 * the page cache and are sent with {@code Cache-Control: no-store}. /contact-us/, the demo site's
 * earlier address, answers 301 here.
 */
public final class ContactRoutes {

    static final String PAGE_SLUG = "contact";

    /** The form as typed, kept after a refusal; empty strings when fresh. */
    public record Typed(String topic, String name, String email, String message) {
        static final Typed EMPTY = new Typed(ContactTopic.GENERAL.key(), "", "", "");
    }

    public record ContactPage(Frame frame, String title, String introHtml, boolean demo, List<ContactTopic> topics, Typed typed,
                              FormMessages messages, String ticket) {
    }

    public record SentPage(Frame frame, String name) {
    }

    private final ContactService contact;
    private final PublishedArticles articles;
    private final FormGuard guard;
    private final FrameService frames;
    private final Templates templates;

    ContactRoutes(ContactService contact, PublishedArticles articles, FormGuard guard, FrameService frames, Templates templates) {
        this.contact = contact;
        this.articles = articles;
        this.guard = guard;
        this.frames = frames;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get("/contact/", ctx -> form(ctx, 200, Typed.EMPTY, FormMessages.NONE), Role.ANYONE);
        routes.post("/contact/", this::send, Role.PUBLIC_FORM);
        routes.get("/contact-us/", ctx -> ctx.redirect("/contact/", HttpStatus.MOVED_PERMANENTLY), Role.ANYONE);
    }

    private void send(Context ctx) {
        Typed typed = new Typed(ctx.formParam("topic"), ctx.formParam("name"), ctx.formParam("email"), ctx.formParam("message"));
        try {
            Verdict verdict = contact.send(new ContactForm.Sent(typed.topic(), typed.name(), typed.email(), typed.message()), ctx.ip(),
                    ctx.formParam(FormGuard.TICKET), ctx.formParam(FormGuard.HONEYPOT));
            if (verdict.kind() == Verdict.Kind.REFUSED) {
                form(ctx, 422, typed, new FormMessages(java.util.List.of(verdict.problem()), null));
                return;
            }
            // Spam gets the same page, so a robot learns nothing; it was not stored.
            send(ctx, 200, "contact/sent.jte", new SentPage(frames.frame(frames.siteText().get("contact.sent.title"), null, "/contact/"),
                    typed.name().strip().replaceAll("\\s*\\R\\s*", " ")));
        } catch (Invalid invalid) {
            form(ctx, 422, typed, FormMessages.of(invalid));
        }
    }

    private void form(Context ctx, int status, Typed typed, FormMessages messages) {
        Article page = articles.published(PAGE_SLUG).filter(Article::isPage).orElse(null);
        org.vertebra.language.Messages t = frames.siteText();
        String title = page == null ? t.get("contact.title") : page.title();
        send(ctx, status, "contact/form.jte", new ContactPage(frames.frame(title, null, "/contact/"), title,
                page == null ? null : page.bodyHtml(), page != null && page.demo(), List.of(ContactTopic.values()), typed,
                messages.in(t, "contact"), guard.ticket()));
    }

    private void send(Context ctx, int status, String template, Object page) {
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, status, templates.render(template, page));
    }
}
