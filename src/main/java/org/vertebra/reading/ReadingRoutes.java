package org.vertebra.reading;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import org.vertebra.article.Article;
import org.vertebra.audit.RequestActor;
import org.vertebra.content.Slugs;
import org.vertebra.layout.DateText;
import org.vertebra.reading.ReadingPages.ArticleView;
import org.vertebra.reading.ReadingPages.LinkFields;
import org.vertebra.reading.ReadingPages.ListPage;
import org.vertebra.reading.ReadingPages.NoticePage;
import org.vertebra.reading.ReadingService.Status;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * The patient's private reading list at its signed link, and its deletion after a second question.
 * These pages set no cookie and load nothing from another host (a page of their own, without the
 * site's consent banner and scripts); they are kept out of search engines, caches and referrers.
 * The deletion form carries a token made from the link, the patient having no session
 * ({@link Role#SIGNED_LINK}).
 */
final class ReadingRoutes {

    /** Headers of every reading page, over the site's own: nothing kept, indexed or passed on. */
    static final java.util.Map<String, String> PRIVATE = java.util.Map.of(
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer",
            "X-Robots-Tag", "noindex, nofollow",
            "Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'");

    private final ReadingService reading;
    private final Templates templates;
    private final Supplier<String> siteTitle;

    ReadingRoutes(ReadingService reading, Templates templates, Supplier<String> siteTitle) {
        this.reading = reading;
        this.templates = templates;
        this.siteTitle = siteTitle;
    }

    void register(RoutesConfig routes) {
        routes.get(ReadingLinks.PATH, this::show, Role.ANYONE);
        // The page sends no referrer, so browsers send Origin: null: the form's token, made from the link, guards it.
        routes.post(ReadingLinks.PATH + "delete/", this::delete, Role.SIGNED_LINK);
    }

    private void show(Context ctx) {
        ReadingService.Opened opened = reading.open(ctx.queryParam("r"), ctx.queryParam("k"), ctx.queryParam("s"));
        if (opened.status() != Status.OPEN) {
            problem(ctx, opened.status());
            return;
        }
        page(ctx, opened.list(), false);
    }

    /** Without {@code confirm=yes}, asks once more; with it, deletes. */
    private void delete(Context ctx) {
        String r = ctx.formParam("r");
        String k = ctx.formParam("k");
        String s = ctx.formParam("s");
        String token = ctx.formParam("_csrf");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            ReadingService.Opened opened = reading.open(r, k, s);
            if (opened.status() == Status.OPEN && !org.vertebra.secret.SecretTokens.same(opened.list().formToken(), token)) {
                problem(ctx, Status.TAMPERED);
            } else if (opened.status() != Status.OPEN) {
                problem(ctx, opened.status());
            } else {
                page(ctx, opened.list(), true);
            }
            return;
        }
        Status status = reading.deleteByPatient(r, k, s, token, RequestActor.of(ctx));
        if (status != Status.OPEN) {
            problem(ctx, status);
            return;
        }
        send(ctx, 200, "reading/notice.jte", new NoticePage(siteTitle.get(), "Your reading list is deleted",
                "The list and the note are deleted, and the link no longer opens anything. The articles themselves stay on "
                        + "the site. If you would like a new list, please ask the practice."));
    }

    private void page(Context ctx, ReadingService.ReadingList list, boolean confirmDelete) {
        List<ArticleView> articles = list.articles().stream().map(ReadingRoutes::view).toList();
        send(ctx, 200, "reading/list.jte", new ListPage(siteTitle.get(), list.doctor(), ReadingPages.paragraphs(list.note()),
                DateText.words(list.sentAt()), DateText.words(list.expiresAt()), DateText.iso(list.expiresAt()), articles,
                new LinkFields(param(ctx, "r"), param(ctx, "k"), param(ctx, "s")), list.formToken(),
                reading.path(param(ctx, "r"), param(ctx, "k"), param(ctx, "s")).orElse(ReadingLinks.PATH), confirmDelete));
    }

    private static ArticleView view(Article a) {
        String path = "/" + Slugs.inPath(a.slug()) + "/";
        return new ArticleView(a.title(), path, a.summary(), a.keyPoints().points(), a.keyPoints().actions(),
                path + "handout.pdf");
    }

    private void problem(Context ctx, Status status) {
        switch (status) {
            case TAMPERED -> send(ctx, 403, "reading/notice.jte", new NoticePage(siteTitle.get(), "This link is not valid",
                    "The link is incomplete or has been changed. Please open it again from your email, exactly as it was sent."));
            case EXPIRED -> send(ctx, 410, "reading/notice.jte", new NoticePage(siteTitle.get(), "This reading list has expired",
                    "Reading lists stay open for a limited time, to keep them private. Please ask the practice to send you a new one."));
            default -> send(ctx, 410, "reading/notice.jte", new NoticePage(siteTitle.get(), "This reading list is no longer here",
                    "It was deleted, at your request or by the practice. Please ask the practice to send you a new one."));
        }
    }

    private static String param(Context ctx, String name) {
        String form = ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam(name) : null;
        return form != null ? form : ctx.queryParam(name);
    }

    private void send(Context ctx, int status, String template, Object page) {
        PRIVATE.forEach(ctx::header);
        Html.send(ctx, status, templates.render(template, page));
    }
}
