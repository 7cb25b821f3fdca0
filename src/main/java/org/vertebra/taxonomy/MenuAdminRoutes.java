package org.vertebra.taxonomy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import org.vertebra.access.Action;
import org.vertebra.admin.AdminFrame;
import org.vertebra.admin.AdminShell;
import org.vertebra.form.FormMessages;
import org.vertebra.form.Invalid;
import org.vertebra.web.Params;

/**
 * /admin/settings/menus/: the primary menu and the category menu. Every change is a plain form
 * (add, edit, move up or down, remove), so it all works without JavaScript.
 */
public final class MenuAdminRoutes {

    /** A link form's values as typed, kept after a refused change. */
    public record MenuForm(String label, String path, String category, String parent) {
        static final MenuForm EMPTY = new MenuForm("", "", "", "");
    }

    /** One menu on the page, with its add form. */
    public record MenuSection(String name, String title, List<MenuEntry> items, MenuForm form, FormMessages messages) {
    }

    public record MenusPage(AdminFrame frame, List<MenuSection> menus, List<Category> categories, FormMessages messages) {
    }

    /** The form for one item. */
    public record MenuItemPage(AdminFrame frame, MenuEntry item, String menuTitle, MenuForm form, List<MenuEntry> parents,
                               List<Category> categories, FormMessages messages) {
    }

    private static final Map<String, String> TITLES = Map.of(
            TaxonomyService.PRIMARY_MENU, "Primary menu",
            TaxonomyService.CATEGORY_MENU, "Category menu");
    private static final Map<String, String> NOTICES = Map.of(
            "added", "The link is added to the menu.",
            "saved", "The link is saved.",
            "moved", "The link is moved.",
            "removed", "The link is removed; items that were under it are now at the top level.");
    private static final String PAGE = "/admin/settings/menus/";

    private final MenuService menus;
    private final CategoryService categories;
    private final AdminShell shell;

    MenuAdminRoutes(MenuService menus, CategoryService categories, AdminShell shell) {
        this.menus = menus;
        this.categories = categories;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get(PAGE, this::list, Action.MANAGE_SETTINGS);
        routes.post(PAGE + "{menu}/", this::add, Action.MANAGE_SETTINGS);
        routes.get(PAGE + "items/{id}/", this::editForm, Action.MANAGE_SETTINGS);
        routes.post(PAGE + "items/{id}/", this::save, Action.MANAGE_SETTINGS);
        routes.post(PAGE + "items/{id}/up/", ctx -> change(ctx, "moved", () -> menus.move(Params.id(ctx, "id"), -1)), Action.MANAGE_SETTINGS);
        routes.post(PAGE + "items/{id}/down/", ctx -> change(ctx, "moved", () -> menus.move(Params.id(ctx, "id"), 1)), Action.MANAGE_SETTINGS);
        routes.post(PAGE + "items/{id}/remove/", ctx -> change(ctx, "removed", () -> menus.remove(Params.id(ctx, "id"))), Action.MANAGE_SETTINGS);
    }

    private void list(Context ctx) {
        showMenus(ctx, 200, null, MenuForm.EMPTY, FormMessages.NONE, FormMessages.notice(NOTICES.get(String.valueOf(ctx.queryParam("done")))));
    }

    private void add(Context ctx) {
        String menu = ctx.pathParam("menu");
        if (!MenuService.MENUS.contains(menu)) {
            throw new NotFoundResponse();
        }
        MenuForm form = form(ctx);
        try {
            menus.add(menu, MenuLinkChange.parse(form.label(), form.path(), form.category(), form.parent()));
            ctx.redirect(PAGE + "?done=added#" + menu, HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showMenus(ctx, 422, menu, form, FormMessages.of(invalid), FormMessages.NONE);
        }
    }

    private void editForm(Context ctx) {
        MenuEntry item = menus.item(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        showItem(ctx, 200, item, new MenuForm(item.label(), item.url(), "",
                item.parentId() == null ? "" : item.parentId().toString()), FormMessages.NONE);
    }

    private void save(Context ctx) {
        MenuEntry item = menus.item(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
        MenuForm form = form(ctx);
        try {
            menus.update(item.id(), MenuLinkChange.parse(form.label(), form.path(), form.category(), form.parent()));
            ctx.redirect(PAGE + "?done=saved#" + item.menu(), HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showItem(ctx, 422, item, form, FormMessages.of(invalid));
        }
    }

    private void change(Context ctx, String done, Runnable work) {
        try {
            work.run();
            ctx.redirect(PAGE + "?done=" + done, HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showMenus(ctx, 422, null, MenuForm.EMPTY, FormMessages.NONE, FormMessages.of(invalid));
        }
    }

    private void showMenus(Context ctx, int status, String failedMenu, MenuForm form, FormMessages formMessages,
                           FormMessages pageMessages) {
        List<MenuSection> sections = MenuService.MENUS.stream().map(name -> name.equals(failedMenu)
                ? new MenuSection(name, TITLES.get(name), menus.tree(name), form, formMessages)
                : new MenuSection(name, TITLES.get(name), menus.tree(name), MenuForm.EMPTY, FormMessages.NONE)).toList();
        shell.render(ctx, status, "taxonomy/menus.jte", new MenusPage(shell.frame(ctx, "Menus", AdminShell.Section.SETTINGS),
                sections, categories.all(), pageMessages));
    }

    private void showItem(Context ctx, int status, MenuEntry item, MenuForm form, FormMessages messages) {
        List<MenuEntry> parents = menus.tree(item.menu()).stream().filter(p -> p.id() != item.id()).toList();
        shell.render(ctx, status, "taxonomy/menu-item.jte", new MenuItemPage(shell.frame(ctx, "Menu link: " + item.label(),
                AdminShell.Section.SETTINGS), item, TITLES.get(item.menu()), form, parents, categories.all(), messages));
    }

    private static MenuForm form(Context ctx) {
        return new MenuForm(Params.form(ctx, "label"), Params.form(ctx, "path"), Params.form(ctx, "category"), Params.form(ctx, "parent"));
    }
}
