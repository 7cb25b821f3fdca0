package org.vertebra.account;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.vertebra.access.Action;
import org.vertebra.access.CsrfTokens;
import org.vertebra.access.Session;
import org.vertebra.access.SessionPolicy;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.admin.AdminShell;
import org.vertebra.secret.SecretTokens;
import org.vertebra.web.JsonAnswers;
import org.vertebra.web.Role;

/**
 * The guard in front of every matched route. It finds the session from the cookie, lets a route
 * through when the route's guard ({@link Role#ANYONE} or an {@link Action} the account's role may
 * do) allows it, and checks the CSRF token of every state-changing request. Handlers then read the
 * signed-in person with {@link #user(Context)} and put {@link #csrfToken(Context)} in their forms.
 *
 * <p>Not signed in, a page (GET) answers 302 to the sign-in form, anything else 401; signed in
 * without the role, 403. A route that names several actions lets through anyone who may do one.
 *
 * <p>The session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure when the request came over
 * HTTPS or the site's base URL is https (a TLS-terminating proxy in front: the browser sees HTTPS).
 * X-Forwarded-* headers are not read, since nothing here knows whether a proxy is trusted.
 */
public final class Access {

    public static final String SESSION_COOKIE = "vertebra_session";
    /** Holds the secret of the sign-in form's CSRF token until there is a session. */
    public static final String FORM_COOKIE = "vertebra_csrf";
    /** Holds the token of a sign-in waiting for its second step (a code), only on the sign-in pages. */
    public static final String PENDING_COOKIE = "vertebra_pending";
    private static final String PENDING_PATH = "/admin/sign-in/";
    private static final String SECURE = "vertebra.secure-cookies";
    private static final String ENDED = "vertebra.session-ended";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    /** Where someone who must set up two-step sign-in first may still go. */
    private static final List<String> BEFORE_TWO_FACTOR = List.of(TwoFactorRoutes.PAGE, "/admin/sign-out/");

    private final AccountService accounts;
    private final AdminShell shell;
    private final String baseUrl;
    private final BooleanSupplier twoFactorRequired;

    public Access(AccountService accounts, AdminShell shell, String baseUrl) {
        this(accounts, shell, baseUrl, () -> false);
    }

    /**
     * @param twoFactorRequired whether the site requires two-step sign-in of the accounts that can
     *                          open consultations (a site setting, read on each admin request)
     */
    public Access(AccountService accounts, AdminShell shell, String baseUrl, BooleanSupplier twoFactorRequired) {
        this.accounts = accounts;
        this.shell = shell;
        this.baseUrl = baseUrl;
        this.twoFactorRequired = twoFactorRequired;
    }

    /** The token a form on this page must carry in its {@value CsrfTokens#FIELD} field. */
    public static String csrfToken(Context ctx) {
        Optional<Session> session = SignedIn.session(ctx);
        if (session.isPresent()) {
            return session.get().csrfToken();
        }
        String secret = ctx.cookie(FORM_COOKIE);
        if (secret == null || secret.length() != 43) {
            secret = SecretTokens.newToken();
            ctx.cookie(cookie(FORM_COOKIE, secret, "/admin/", -1, Boolean.TRUE.equals(ctx.attribute(SECURE))));
        }
        return CsrfTokens.forSecret(secret);
    }

    /**
     * The beforeMatched handler: the route's guard, then, for a change of state, that it was sent
     * from this site. A request refused is answered here and goes no further.
     */
    public void check(Context ctx) {
        boolean admin = ctx.path().startsWith("/admin/");
        ctx.attribute(SECURE, secure(ctx));
        if (admin) {
            ctx.header("Cache-Control", "no-store");
        }
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            if (ctx.endpoints().matchedHttpEndpoint() == null) {
                return; // a static file (/static/, /media/): Javalin's, public, and without a route of ours
            }
            // Fail closed: a route that forgot its guard is a bug, not a public page.
            throw new IllegalStateException("route " + ctx.method() + " " + ctx.path() + " names no guard");
        }
        if (roles.contains(Role.SIGNED_LINK)) {
            return; // the handler checks the link's own token (see Role.SIGNED_LINK)
        }
        boolean unsafe = !SAFE.contains(ctx.method());
        boolean publicForm = roles.contains(Role.PUBLIC_FORM);
        boolean open = roles.contains(Role.ANYONE) || publicForm;
        if (admin || unsafe || !open) {
            lookUpSession(ctx);
        }
        Optional<Session> session = SignedIn.session(ctx);
        if (!open && !mayAct(ctx, roles, session) || unsafe && !sentFromHere(ctx, publicForm, session)) {
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * For a route that names account actions: someone signed in who may do one of them, with
     * two-step sign-in set up where the site asks for it. False when refused, and answered.
     */
    private boolean mayAct(Context ctx, Set<RouteRole> roles, Optional<Session> session) {
        if (session.isEmpty()) {
            askToSignIn(ctx);
            return false;
        }
        User user = session.get().user();
        if (roles.stream().noneMatch(r -> r instanceof Action a && user.may(a))) {
            refuse(ctx, 403, "Not allowed", "Your role does not allow this. Ask an administrator if you need it.");
            return false;
        }
        if (mustSetUpTwoFactor(user, ctx.path())) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect(TwoFactorRoutes.PAGE + "?required=1", HttpStatus.SEE_OTHER);
            } else {
                refuse(ctx, 403, "Set up two-step sign-in first",
                        "This site requires two-step sign-in for accounts that can open consultations. Set it up under Your account.");
            }
            return false;
        }
        return true;
    }

    /** A page asks to sign in first (and comes back after); a form sent without a session is refused with why. */
    private void askToSignIn(Context ctx) {
        AccountService.Ended ended = ctx.attribute(ENDED);
        if (ctx.method() == HandlerType.GET) {
            ctx.redirect("/admin/sign-in/?next=" + URLEncoder.encode(pathAndQuery(ctx), StandardCharsets.UTF_8)
                    + (ended == null ? "" : "&ended=" + ended.name().toLowerCase(java.util.Locale.ROOT)));
        } else {
            refuse(ctx, 401, "Please sign in", ended == null ? "You are not signed in, or your session has ended."
                    : endedMessage(ended, accounts.sessionPolicy()));
        }
    }

    /**
     * A change of state comes from this site's own page: a reader's public form by its origin (a
     * reader has no session, hence no token), anything else by its CSRF token. False when refused,
     * and answered.
     */
    private boolean sentFromHere(Context ctx, boolean publicForm, Optional<Session> session) {
        if (publicForm ? fromThisSite(ctx) : csrfValid(ctx, session)) {
            return true;
        }
        if (publicForm) {
            refuse(ctx, 403, "Not sent from this site",
                    "This form was sent from another site. Open the page on this site and send it from there.");
        } else {
            refuse(ctx, 403, "This form has expired",
                    "The form was not sent from this site's current page, or it is too old. Go back, reload the page and try again.");
        }
        return false;
    }

    /**
     * A refusal: the admin's message page, or, for the JSON API (whose callers are programs), its
     * error object ({@code {"errors": {"body": MESSAGE}}}, docs/guide/api.md).
     */
    private void refuse(Context ctx, int status, String title, String message) {
        if (JsonAnswers.forApi(ctx)) {
            JsonAnswers.error(ctx, status, "body", message);
        } else {
            shell.message(ctx, status, title, message);
        }
    }

    /** What the sign-in page says to someone whose session has just ended, and why. */
    static String endedMessage(AccountService.Ended ended, SessionPolicy policy) {
        return switch (ended) {
            case IDLE -> "You were signed out after " + minutes(policy.idleMinutes())
                    + " without activity, as accounts that can open patients' data are. Sign in again to go on.";
            case LIFETIME -> "Your session ended " + policy.lifetimeHours() + (policy.lifetimeHours() == 1 ? " hour" : " hours")
                    + " after you signed in, as every session does. Sign in again to go on.";
        };
    }

    private static String minutes(long n) {
        return n + (n == 1 ? " minute" : " minutes");
    }

    private boolean mustSetUpTwoFactor(User user, String path) {
        return BEFORE_TWO_FACTOR.stream().noneMatch(path::startsWith) && Action.CONSULT.allows(user.role())
                && twoFactorRequired.getAsBoolean() && !accounts.twoFactor().isOn(user.id());
    }

    /** Starts a signed-in session: a fresh cookie, replacing any earlier session and the sign-in form's cookie. */
    public void signedIn(Context ctx, Session session) {
        SignedIn.session(ctx).ifPresent(old -> accounts.signOut(old.token()));
        SignedIn.set(ctx, session);
        ctx.cookie(cookie(SESSION_COOKIE, session.token(), "/", (int) accounts.sessionPolicy().lifetime().toSeconds(), secure(ctx)));
        ctx.cookie(cookie(FORM_COOKIE, "", "/admin/", 0, secure(ctx)));
    }

    /** The password was right; the browser keeps this token while it is asked for the code. */
    public void secondStepPending(Context ctx, String token) {
        ctx.cookie(cookie(PENDING_COOKIE, token, PENDING_PATH, (int) TwoFactorService.PENDING_LIFETIME.toSeconds(), secure(ctx)));
    }

    /** The token of the sign-in waiting for its second step in this browser, or null. */
    public static String pendingToken(Context ctx) {
        return ctx.cookie(PENDING_COOKIE);
    }

    public void secondStepDone(Context ctx) {
        ctx.cookie(cookie(PENDING_COOKIE, "", PENDING_PATH, 0, secure(ctx)));
    }

    /** Forgets the session in this browser (the caller ends it in the database). */
    public void signedOut(Context ctx) {
        SignedIn.set(ctx, null);
        ctx.cookie(cookie(SESSION_COOKIE, "", "/", 0, secure(ctx)));
    }

    private void lookUpSession(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null) {
            return;
        }
        AccountService.Lookup lookup = accounts.lookUp(token);
        if (lookup.session().isPresent()) {
            SignedIn.set(ctx, lookup.session().get());
        } else {
            ctx.attribute(ENDED, lookup.ended());
            signedOut(ctx);
        }
    }

    private static boolean csrfValid(Context ctx, Optional<Session> session) {
        String given = ctx.header(CsrfTokens.HEADER);
        if (given == null) {
            given = ctx.formParam(CsrfTokens.FIELD);
        }
        String secret = session.map(Session::token).orElseGet(() -> ctx.cookie(FORM_COOKIE));
        return CsrfTokens.matches(secret, given);
    }

    /**
     * False when the browser says the request comes from another site. Browsers send Origin on
     * every cross-site POST; a request with neither header is not a browser acting for a victim.
     */
    private boolean fromThisSite(Context ctx) {
        String origin = ctx.header("Origin");
        String source = origin != null && !origin.equals("null") ? origin : ctx.header("Referer");
        if (source == null) {
            return origin == null;
        }
        String own = ctx.scheme() + "://" + ctx.host();
        return sameOrigin(source, own) || baseUrl != null && sameOrigin(source, baseUrl);
    }

    static boolean sameOrigin(String source, String site) {
        try {
            java.net.URI a = java.net.URI.create(source.strip());
            java.net.URI b = java.net.URI.create(site.strip());
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                    && effectivePort(a) == effectivePort(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int effectivePort(java.net.URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private boolean secure(Context ctx) {
        return secureCookies(baseUrl, ctx.scheme());
    }

    static boolean secureCookies(String baseUrl, String scheme) {
        return baseUrl != null && baseUrl.startsWith("https:") || "https".equals(scheme);
    }

    private static String pathAndQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    static Cookie cookie(String name, String value, String path, int maxAgeSeconds, boolean secure) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(path);
        cookie.setMaxAge(maxAgeSeconds);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setSameSite(SameSite.LAX);
        return cookie;
    }
}
