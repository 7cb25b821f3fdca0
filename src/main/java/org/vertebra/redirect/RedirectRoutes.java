package org.vertebra.redirect;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vertebra.access.Action;
import org.vertebra.access.SignedIn;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.FrameService;
import org.vertebra.web.Html;
import org.vertebra.web.Params;
import org.vertebra.web.Templates;

/**
 * /admin/redirects/: the list of redirects (search, pages, add, edit, delete) and the log of
 * addresses not found; and, for the 404 handler, the answer of a redirected address.
 */
public final class RedirectRoutes {

    /** A redirect form's values as typed, kept after a refused change. */
    public record RedirectForm(String source, String target, String kind, String note) {
        static final RedirectForm EMPTY = new RedirectForm("", "", "301", "");

        public boolean gone() {
            return "410".equals(kind);
        }
    }

    public record RedirectsPage(AdminFrame frame, RedirectService.Listing listing, String search, long notFound,
                                RedirectForm form, FormMessages messages) {
        /** The list's page {@code number}, keeping the search. */
        public String pageUrl(int number) {
            String q = search.isEmpty() ? "" : "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&";
            return PAGE + "?" + q + "page=" + number;
        }
    }

    public record RedirectPage(AdminFrame frame, Redirect redirect, RedirectForm form, FormMessages messages) {
    }

    public record NotFoundPage(AdminFrame frame, List<NotFoundPath> paths, long total, FormMessages messages) {
        /** The add form, filled with this path. */
        public String redirectUrl(String path) {
            return PAGE + "?source=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "#add";
        }
    }

    static final String PAGE = "/admin/redirects/";
    private static final String LOG_PAGE = PAGE + "not-found/";
    static final int LOG_SHOWN = 100;
    private static final Map<String, String> NOTICES = Map.of(
            "added", "The redirect is added. It answers at once on this server and within a second on the others.",
            "saved", "The redirect is saved.",
            "deleted", "The redirect is deleted; its old address answers Page not found again.",
            "dismissed", "The address is removed from the list. It comes back if it is requested again.");
    /** Self-declared robots: their misses are crawlers probing, not links people follow. */
    private static final Pattern ROBOT = Pattern.compile("bot|crawl|spider|slurp|curl|wget|python-|scrapy|scan",
            Pattern.CASE_INSENSITIVE);
    /** Files whose misses are worth a redirect; other file names (images, scripts, .php probes) are not logged. */
    private static final Pattern PAGE_FILE = Pattern.compile(".*\\.(html?|pdf)", Pattern.CASE_INSENSITIVE);

    private final RedirectService redirects;
    private final RedirectRecorder recorder;
    private final AdminShell shell;
    private final FrameService frames;
    private final Templates templates;

    RedirectRoutes(RedirectService redirects, RedirectRecorder recorder, AdminShell shell, FrameService frames,
                          Templates templates) {
        this.redirects = redirects;
        this.recorder = recorder;
        this.shell = shell;
        this.frames = frames;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.get(LOG_PAGE, this::log, Action.MANAGE_REDIRECTS);
        routes.post(LOG_PAGE + "dismiss/", this::dismiss, Action.MANAGE_REDIRECTS);
        routes.get(PAGE, this::list, Action.MANAGE_REDIRECTS);
        routes.post(PAGE, this::add, Action.MANAGE_REDIRECTS);
        routes.get(PAGE + "{id}/", this::editForm, Action.MANAGE_REDIRECTS);
        routes.post(PAGE + "{id}/", this::save, Action.MANAGE_REDIRECTS);
        routes.post(PAGE + "{id}/delete/", this::delete, Action.MANAGE_REDIRECTS);
    }

    /**
     * For the 404 handler, after the article and WordPress checks: answers a redirected address
     * (301 with Location, or 410 with the framed Gone page) and returns true; otherwise notes the
     * miss in the 404 log when it looks like a page a person asked for, and returns false.
     */
    public boolean answerNotFound(Context ctx) {
        String method = ctx.method().name();
        boolean get = method.equals("GET");
        if ((!get && !method.equals("HEAD")) || ctx.path().length() > RedirectPaths.MAX) {
            return false;
        }
        Optional<String> path = RedirectPaths.normalise(ctx.path());
        if (path.isEmpty() || RedirectPaths.reservedPrefix(path.get()) != null) {
            return false;
        }
        Optional<Redirect> redirect = redirects.lookUp(path.get());
        if (redirect.isPresent()) {
            recorder.hit(redirect.get());
            if (redirect.get().kind() == RedirectKind.GONE) {
                Html.send(ctx, 410, templates.render("redirect/gone.jte", frames.frame(frames.siteText().get("error.410.title"), null, ctx.path())));
            } else {
                // A header carries ASCII only: an address typed with accents is sent percent-encoded.
                ctx.status(HttpStatus.MOVED_PERMANENTLY).header("Location", java.net.URI.create(redirect.get().target())
                        .toASCIIString()).result("");
            }
            return true;
        }
        if (get && looksLikeAPage(ctx, path.get())) {
            recorder.missed(path.get(), referrerHost(ctx.header("Referer")));
        }
        return false;
    }

    private static boolean looksLikeAPage(Context ctx, String path) {
        String accept = ctx.header("Accept");
        String agent = ctx.header("User-Agent");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return accept != null && accept.contains("text/html") && (agent == null || !ROBOT.matcher(agent).find())
                && (!last.contains(".") || PAGE_FILE.matcher(last).matches());
    }

    /** The referrer's host only: where broken links are, without the page or anything about the visitor. */
    static String referrerHost(String referrer) {
        if (referrer == null || referrer.isBlank()) {
            return null;
        }
        try {
            String host = java.net.URI.create(referrer.strip()).getHost();
            return host == null || host.length() > 255 ? null : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void list(Context ctx) {
        String source = ctx.queryParam("source");
        RedirectForm form = source == null ? RedirectForm.EMPTY : new RedirectForm(source, "", "301", "");
        showList(ctx, 200, form, FormMessages.notice(NOTICES.get(String.valueOf(ctx.queryParam("done")))));
    }

    private void add(Context ctx) {
        RedirectForm form = form(ctx);
        try {
            redirects.add(parse(form), SignedIn.user(ctx).name());
            ctx.redirect(PAGE + "?done=added", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showList(ctx, 422, form, FormMessages.of(invalid));
        }
    }

    private void editForm(Context ctx) {
        Redirect redirect = existing(ctx);
        showOne(ctx, 200, redirect, formOf(redirect), FormMessages.NONE);
    }

    private void save(Context ctx) {
        Redirect redirect = existing(ctx);
        RedirectForm form = form(ctx);
        try {
            redirects.update(redirect.id(), parse(form), SignedIn.user(ctx).name());
            ctx.redirect(PAGE + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showOne(ctx, 422, redirect, form, FormMessages.of(invalid));
        }
    }

    private void delete(Context ctx) {
        Redirect redirect = existing(ctx);
        try {
            redirects.delete(redirect.id());
            ctx.redirect(PAGE + "?done=deleted", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showOne(ctx, 422, redirect, formOf(redirect), FormMessages.of(invalid));
        }
    }

    private void log(Context ctx) {
        showLog(ctx, FormMessages.notice(NOTICES.get(String.valueOf(ctx.queryParam("done")))));
    }

    private void dismiss(Context ctx) {
        redirects.dismiss(Params.form(ctx, "path"));
        ctx.redirect(LOG_PAGE + "?done=dismissed", HttpStatus.SEE_OTHER);
    }

    private static RedirectChange parse(RedirectForm form) {
        return RedirectChange.parse(form.source(), form.target(), form.kind(), form.note());
    }

    private Redirect existing(Context ctx) {
        return redirects.byId(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showList(Context ctx, int status, RedirectForm form, FormMessages messages) {
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        int page = parsePage(ctx.queryParam("page"));
        shell.render(ctx, status, "redirect/list.jte", new RedirectsPage(shell.frame(ctx, "Redirects",
                AdminShell.Section.REDIRECTS), redirects.list(search, page), search, redirects.missCount(), form, messages));
    }

    private void showOne(Context ctx, int status, Redirect redirect, RedirectForm form, FormMessages messages) {
        shell.render(ctx, status, "redirect/edit.jte", new RedirectPage(shell.frame(ctx, "Redirect from " + redirect.source(),
                AdminShell.Section.REDIRECTS), redirect, form, messages));
    }

    private void showLog(Context ctx, FormMessages messages) {
        shell.render(ctx, 200, "redirect/not-found.jte", new NotFoundPage(shell.frame(ctx, "Addresses not found",
                AdminShell.Section.REDIRECTS), redirects.mostFrequentMisses(LOG_SHOWN), redirects.missCount(), messages));
    }

    private static int parsePage(String page) {
        return page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
    }

    private static RedirectForm formOf(Redirect redirect) {
        return new RedirectForm(redirect.source(), redirect.target() == null ? "" : redirect.target(),
                String.valueOf(redirect.kind().status()), redirect.note() == null ? "" : redirect.note());
    }

    private static RedirectForm form(Context ctx) {
        return new RedirectForm(Params.form(ctx, "source"), Params.form(ctx, "target"), Params.form(ctx, "kind"),
                Params.form(ctx, "note"));
    }
}
