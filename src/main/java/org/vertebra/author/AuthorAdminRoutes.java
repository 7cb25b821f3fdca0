package org.vertebra.author;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.SignedIn;
import org.vertebra.access.User;
import org.vertebra.account.AccountService;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.layout.AuthorView;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaLibrary;

/**
 * /admin/authors/: the author profiles. Admins and editors edit every one; anyone else on the
 * desk only the profile linked to their own account ({@link Permission#mayEditAuthorProfile}).
 */
public final class AuthorAdminRoutes {

    /** The list; {@code mayEditAll} says whether it is every author or only one's own. */
    public record AuthorsPage(AdminFrame frame, List<Author> authors, boolean mayEditAll, FormMessages messages) {
    }

    /** The edit form, with what was typed kept after a refused change, and the profile as pages show it. */
    public record AuthorPage(AdminFrame frame, long id, AuthorProfileChange.Form form, AuthorView preview,
                             FormMessages messages, boolean mayLinkAccount, List<User> accounts, Long linkedUserId) {
    }

    private final AuthorService authors;
    private final AuthorViews views;
    private final MediaLibrary media;
    private final AccountService accounts;
    private final AdminShell shell;
    private final String baseUrl;

    AuthorAdminRoutes(AuthorService authors, MediaLibrary media, AccountService accounts, AdminShell shell,
                             String baseUrl) {
        this.authors = authors;
        this.views = new AuthorViews(media);
        this.media = media;
        this.accounts = accounts;
        this.shell = shell;
        this.baseUrl = baseUrl;
    }

    void register(RoutesConfig routes) {
        // Anyone on the desk may reach these; which profiles they may edit is decided per profile.
        routes.get("/admin/authors/", this::list, Action.USE_ADMIN);
        routes.get("/admin/authors/{id}/", this::editForm, Action.USE_ADMIN);
        routes.post("/admin/authors/{id}/", this::save, Action.USE_ADMIN);
        routes.post("/admin/authors/", this::add, Action.EDIT_AUTHOR_PROFILES);
        routes.post("/admin/authors/{id}/account/", this::linkAccount, Action.MANAGE_USERS);
    }

    private void list(Context ctx) {
        String notice = "saved".equals(ctx.queryParam("done")) ? "The profile is saved. Public pages show it now." : null;
        list(ctx, 200, notice, FormMessages.NONE);
    }

    private void list(Context ctx, int status, String notice, FormMessages problems) {
        User user = SignedIn.user(ctx);
        boolean all = user.may(Action.EDIT_AUTHOR_PROFILES);
        List<Author> shown = all ? authors.all()
                : accounts.linkedAuthorId(user.id()).flatMap(authors::byId).map(List::of).orElse(List.of());
        shell.render(ctx, status, "author/authors.jte", new AuthorsPage(shell.frame(ctx, "Author profiles",
                AdminShell.Section.AUTHORS), shown, all, notice == null ? problems : FormMessages.notice(notice)));
    }

    /** A new author profile with just a name; the rest is filled in on its own page. */
    private void add(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        if (name.isEmpty() || name.length() > 200) {
            list(ctx, 422, null, FormMessages.of(Invalid.of("new-name",
                    name.isEmpty() ? "Give the new author's display name." : "Keep the name under 200 characters.")));
            return;
        }
        Author author = authors.ensure(name);
        ctx.redirect("/admin/authors/" + author.id() + "/", HttpStatus.SEE_OTHER);
    }

    /** Links the account that writes under this profile (at most one), or unlinks it. */
    private void linkAccount(Context ctx) {
        Optional<Author> author = editable(ctx);
        if (author.isEmpty()) {
            return;
        }
        String raw = ctx.formParam("userId");
        Long userId = raw != null && raw.matches("\\d{1,18}") ? Long.parseLong(raw) : null;
        for (User user : accounts.users()) {
            boolean linkedHere = accounts.linkedAuthorId(user.id()).filter(id -> id == author.get().id()).isPresent();
            if (linkedHere && (userId == null || user.id() != userId)) {
                accounts.linkAuthor(user.id(), null);
            }
        }
        if (userId != null && accounts.user(userId).isPresent()) {
            accounts.linkAuthor(userId, author.get().id());
        }
        ctx.redirect("/admin/authors/" + author.get().id() + "/?done=linked", HttpStatus.SEE_OTHER);
    }

    private void editForm(Context ctx) {
        Optional<Author> author = editable(ctx);
        author.ifPresent(a -> render(ctx, 200, a, new AuthorProfileChange.Form(a.name(), a.slug(), a.credentials(), a.bio(),
                a.photoId() == null ? null : a.photoId().toString(), a.website(), String.join("\n", a.links())),
                FormMessages.NONE));
    }

    private void save(Context ctx) {
        Optional<Author> author = editable(ctx);
        if (author.isEmpty()) {
            return;
        }
        AuthorProfileChange.Form form = new AuthorProfileChange.Form(ctx.formParam("name"), ctx.formParam("slug"),
                ctx.formParam("credentials"), ctx.formParam("bio"), ctx.formParam("photo"), ctx.formParam("website"),
                ctx.formParam("links"));
        try {
            authors.update(author.get().id(), AuthorProfileChange.parse(form, this::photoId));
            ctx.redirect("/admin/authors/?done=saved", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            render(ctx, 422, author.get(), form, FormMessages.of(invalid));
        }
    }

    /** The author in the path, when this person may edit them; otherwise answers 403 (or 404) and gives none. */
    private Optional<Author> editable(Context ctx) {
        String id = ctx.pathParam("id");
        Optional<Author> author = id.matches("\\d{1,18}") ? authors.byId(Long.parseLong(id)) : Optional.empty();
        User user = SignedIn.user(ctx);
        Long linked = accounts.linkedAuthorId(user.id()).orElse(null);
        if (author.isPresent() && !Permission.mayEditAuthorProfile(user, linked, author.get().id())) {
            shell.notAllowed(ctx);
            return Optional.empty();
        }
        if (author.isEmpty()) {
            if (!user.may(Action.EDIT_AUTHOR_PROFILES)) {
                shell.notAllowed(ctx); // the same answer for every profile one may not edit, existing or not
                return Optional.empty();
            }
            throw new NotFoundResponse();
        }
        return author;
    }

    /** A media library image by its number or its address (/media/... or the full address on this site). */
    private Optional<Long> photoId(String value) {
        if (value.matches("\\d{1,18}")) {
            return media.byId(Long.parseLong(value)).map(MediaItem::id);
        }
        String path = value.startsWith(baseUrl + "/") ? value.substring(baseUrl.length()) : value;
        return media.byUrl(path).map(MediaItem::id);
    }

    private void render(Context ctx, int status, Author author, AuthorProfileChange.Form form, FormMessages messages) {
        User user = SignedIn.user(ctx);
        boolean mayLink = user.may(Action.MANAGE_USERS);
        List<User> all = mayLink ? accounts.users() : List.of();
        Long linked = all.stream().filter(u -> accounts.linkedAuthorId(u.id()).filter(id -> id == author.id()).isPresent())
                .map(User::id).findFirst().orElse(null);
        FormMessages shown = messages.problems().isEmpty() && "linked".equals(ctx.queryParam("done"))
                ? FormMessages.notice("The account link is saved.") : messages;
        shell.render(ctx, status, "author/author.jte", new AuthorPage(shell.frame(ctx, "Author: " + author.name(),
                AdminShell.Section.AUTHORS), author.id(), form, views.of(author), shown, mayLink, all, linked));
    }
}
