package org.vertebra.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.vertebra.access.Action;
import org.vertebra.access.Session;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.layout.MenuLink;
import org.vertebra.web.Html;
import org.vertebra.web.Templates;

/**
 * The frame around every admin page (src/main/jte/admin/layout.jte) and the dashboard at /admin/.
 * The navigation lists the sections the site's features open (and the dashboard), in a fixed
 * order, and of those only the ones the signed-in person may open.
 */
public final class AdminShell {

    /** Where the notice before a session ends posts "stay signed in" (a route of the account feature). */
    public static final String KEEP_SESSION = "/admin/session/keep/";

    /** The admin's sections in the order the navigation shows them, each with the actions that open it. */
    public enum Section {
        DASHBOARD("Dashboard", "/admin/", Action.USE_ADMIN),
        ARTICLES("Articles", "/admin/articles/", Action.WRITE_ARTICLES, Action.REVIEW_ARTICLES),
        MEDIA("Media", "/admin/media/", Action.MANAGE_MEDIA),
        COMMENTS("Comments", "/admin/comments/", Action.MODERATE_COMMENTS),
        NEWSLETTER("Newsletter", "/admin/newsletter/", Action.MANAGE_NEWSLETTER),
        MESSAGES("Messages", "/admin/messages/", Action.READ_MESSAGES),
        CONSULTATIONS("Consultations", "/admin/consult/", Action.CONSULT),
        READING("Reading lists", "/admin/reading/", Action.PRESCRIBE_READING),
        USERS("Users", "/admin/users/", Action.MANAGE_USERS),
        AUTHORS("Authors", "/admin/authors/", Action.EDIT_AUTHOR_PROFILES, Action.WRITE_ARTICLES),
        SETTINGS("Settings", "/admin/settings/", Action.MANAGE_SETTINGS),
        MAIL("Mail", "/admin/mail/", Action.MANAGE_SETTINGS),
        REDIRECTS("Redirects", "/admin/redirects/", Action.MANAGE_REDIRECTS),
        STATISTICS("Statistics", "/admin/stats/", Action.VIEW_STATISTICS),
        PRIVACY("Privacy", "/admin/privacy/", Action.MANAGE_PRIVACY),
        AUDIT("Audit log", "/admin/audit/", Action.VIEW_AUDIT_LOG);

        final String label;
        final String url;
        final List<Action> actions;

        Section(String label, String url, Action... actions) {
            this.label = label;
            this.url = url;
            this.actions = List.of(actions);
        }

        boolean opensFor(User user) {
            return actions.stream().anyMatch(user::may);
        }
    }

    /** The dashboard's view. */
    public record DashboardPage(AdminFrame frame, String userName, String roleLabel, List<MenuLink> sections,
                                List<MenuLink> attention, List<MenuLink> warnings, List<DashboardPanel> panels) {
    }

    /** A page that only says something: why a request was refused, or that something expired. */
    public record MessagePage(AdminFrame frame, String message, boolean signedIn) {
    }

    private final Supplier<String> siteTitle;
    private final Templates templates;
    private final java.time.Clock clock;
    private final Set<Section> sections;
    private final List<java.util.function.Function<User, List<MenuLink>>> attention = new ArrayList<>();
    private final List<java.util.function.Function<User, List<MenuLink>>> warnings = new ArrayList<>();
    private final List<java.util.function.Function<User, java.util.Optional<DashboardPanel>>> panels = new ArrayList<>();

    /**
     * @param siteTitle the site's current title (an administrator may change it while the server runs)
     * @param sections  the sections the features open
     * @param clock     for the time a page's session has left, which its notice counts down
     */
    public AdminShell(Supplier<String> siteTitle, Templates templates, Set<Section> sections, java.time.Clock clock) {
        this.sections = EnumSet.of(Section.DASHBOARD);
        this.sections.addAll(sections);
        this.siteTitle = siteTitle;
        this.templates = templates;
        this.clock = clock;
    }

    /** Lets a feature list, on the dashboard, what waits for this person (links with a count in their label). */
    public void addAttention(java.util.function.Function<User, List<MenuLink>> source) {
        attention.add(source);
    }

    /**
     * Lets a feature warn, at the top of the dashboard and marked as a warning, of something that
     * goes wrong until someone acts (mail that cannot be sent), rather than work that waits.
     */
    public void addWarning(java.util.function.Function<User, List<MenuLink>> source) {
        warnings.add(source);
    }

    /** Lets a feature show a short list of its own on the dashboard (empty: nothing for this person). */
    public void addPanel(java.util.function.Function<User, java.util.Optional<DashboardPanel>> source) {
        panels.add(source);
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin/", this::dashboard, Action.USE_ADMIN);
    }

    /** The frame for an admin page titled so, with {@code current} marked in the navigation (null for none). */
    public AdminFrame frame(Context ctx, String title, Section current) {
        String site = siteTitle.get();
        return SignedIn.session(ctx)
                .map(s -> new AdminFrame(site, title, s.user().name(), s.csrfToken(), nav(s.user(), current), timer(s)))
                .orElseGet(() -> new AdminFrame(site, title, null, null, List.of(), null));
    }

    private AdminFrame.SessionTimer timer(Session session) {
        java.time.Instant now = clock.instant();
        return new AdminFrame.SessionTimer(Math.max(0, java.time.Duration.between(now, session.idleEndsAt()).toSeconds()),
                Math.max(0, java.time.Duration.between(now, session.endsAt()).toSeconds()), KEEP_SESSION);
    }

    public void render(Context ctx, int status, String template, Object page) {
        Html.send(ctx, status, templates.render(template, page));
    }

    /** Answers with a short page that explains itself. */
    public void message(Context ctx, int status, String title, String message) {
        render(ctx, status, "admin/message.jte", new MessagePage(frame(ctx, title, null), message, SignedIn.session(ctx).isPresent()));
    }

    /** Answers 403 for a person whose role, or relation to the thing asked for, does not allow it. */
    public void notAllowed(Context ctx) {
        message(ctx, 403, "Not allowed", "Your role does not allow this. Ask an administrator if you need it.");
    }

    private void dashboard(Context ctx) {
        User user = SignedIn.user(ctx);
        List<MenuLink> links = nav(user, null).stream().filter(l -> !l.url().equals(Section.DASHBOARD.url)).toList();
        render(ctx, 200, "admin/dashboard.jte",
                new DashboardPage(frame(ctx, "Dashboard", Section.DASHBOARD), user.name(), user.role().label(), links,
                        attention.stream().flatMap(source -> source.apply(user).stream()).toList(),
                        warnings.stream().flatMap(source -> source.apply(user).stream()).toList(),
                        panels.stream().flatMap(source -> source.apply(user).stream()).toList()));
    }

    private List<MenuLink> nav(User user, Section current) {
        List<MenuLink> links = new ArrayList<>();
        for (Section section : sections) {
            if (section.opensFor(user)) {
                links.add(new MenuLink(section.label, section.url, section == current));
            }
        }
        return links;
    }
}
