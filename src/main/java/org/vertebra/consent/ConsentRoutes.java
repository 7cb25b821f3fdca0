package org.vertebra.consent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vertebra.layout.ConsentBanner;
import org.vertebra.layout.Frame;
import org.vertebra.layout.FrameService;
import org.vertebra.web.Html;
import org.vertebra.web.Role;
import org.vertebra.web.Templates;

/**
 * /consent/: a visitor's choice. The banner and manage dialog on every page post here, by script
 * (asking for JSON) or as plain forms without one (answered 303 back to the page). GET shows the
 * same choice as a page of its own, which is where "Manage consent" leads without a script. Both
 * answer per visitor and are never cached.
 */
public final class ConsentRoutes {

    public record ManagePage(Frame frame, ConsentBanner consent, Set<String> accepted, boolean decided,
                             boolean privacySignal, String back, boolean saved) {
    }

    private final ConsentService consent;
    private final FrameService frames;
    private final Templates templates;
    private final boolean secureCookie;

    ConsentRoutes(ConsentService consent, FrameService frames, Templates templates, String baseUrl) {
        this.consent = consent;
        this.frames = frames;
        this.templates = templates;
        this.secureCookie = baseUrl.startsWith("https:");
    }

    void register(RoutesConfig routes) {
        routes.get("/consent/", this::page, Role.ANYONE);
        routes.post("/consent/", this::choose, Role.PUBLIC_FORM);
    }

    private void page(Context ctx) {
        String cookie = ctx.cookie(ConsentPolicy.COOKIE_NAME);
        boolean signal = privacySignal(ctx);
        Set<String> accepted = new java.util.HashSet<>();
        for (ConsentCategory category : ConsentCategory.values()) {
            if (consent.allows(category, cookie, signal)) {
                accepted.add(category.key());
            }
        }
        boolean decided = ConsentChoice.parse(cookie).filter(c -> c.policyVersion() == consent.policy().version()).isPresent();
        ctx.header("Cache-Control", "no-store");
        Html.send(ctx, templates.render("consent/manage.jte", new ManagePage(frames.frame(frames.siteText().get("consent.page.title"), null,
                "/consent/"), ConsentViews.banner(consent.policy()), accepted, decided, signal, back(ctx.queryParam("back")),
                "1".equals(ctx.queryParam("saved")))));
    }

    private void choose(Context ctx) {
        Set<ConsentCategory> requested = requested(ctx.formParams("choice"), ctx.formParams("category"));
        boolean signal = privacySignal(ctx);
        ConsentChoice choice = consent.choose(requested, signal, ctx.ip());
        ctx.header("Set-Cookie", ConsentPolicy.COOKIE_NAME + "=" + choice.cookieValue() + "; Path=/; Max-Age="
                + Duration.ofDays(ConsentPolicy.COOKIE_DAYS).toSeconds() + "; SameSite=Lax" + (secureCookie ? "; Secure" : ""));
        ctx.header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.json(Map.of("version", choice.policyVersion(), "id", choice.id(),
                    "categories", choice.accepted().stream().map(ConsentCategory::key).sorted().toList(),
                    "privacySignal", signal));
            return;
        }
        String back = back(ctx.formParam("back"));
        ctx.redirect(back.equals("/consent/") ? "/consent/?saved=1" : back, HttpStatus.SEE_OTHER);
    }

    /** Accept all or Reject all (the button pressed) wins over "save", which the dialog's form always carries. */
    static Set<ConsentCategory> requested(List<String> choices, List<String> categories) {
        if (choices.contains("accept-all")) {
            return EnumSet.allOf(ConsentCategory.class);
        }
        Set<ConsentCategory> requested = EnumSet.of(ConsentCategory.FUNCTIONAL);
        if (!choices.contains("reject-all")) {
            categories.forEach(key -> ConsentCategory.byKey(key).ifPresent(requested::add));
        }
        return requested;
    }

    /** Browsers send Sec-GPC: 1 for Global Privacy Control and DNT: 1 for Do Not Track. */
    static boolean privacySignal(Context ctx) {
        return "1".equals(ctx.header("Sec-GPC")) || "1".equals(ctx.header("DNT"));
    }

    /** Where to send the visitor back to: a path on this site only, so the form cannot redirect elsewhere. */
    static String back(String requested) {
        if (requested == null || !requested.startsWith("/") || requested.startsWith("//") || requested.contains("\\")
                || requested.length() > 500 || requested.chars().anyMatch(ch -> ch < 0x21 || ch == 0x7f)) {
            return "/consent/";
        }
        return requested;
    }
}
