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

/** /admin/settings/categories/: the categories with their article counts; add, rename, describe, delete when empty. */
public final class CategoryAdminRoutes {

    /** A category form's values as typed, kept after a refused change. */
    public record CategoryForm(String name, String slug, String description) {
        static final CategoryForm EMPTY = new CategoryForm("", "", "");
    }

    public record CategoriesPage(AdminFrame frame, List<CategoryService.Listed> categories, CategoryForm form,
                                 FormMessages messages) {
    }

    public record CategoryPage(AdminFrame frame, Category category, long articles, CategoryForm form, FormMessages messages) {
    }

    private static final Map<String, String> NOTICES = Map.of(
            "added", "The category is added, with a link at the end of the category menu.",
            "saved", "The category is saved. Its old address, if it changed, now leads to the new one.",
            "deleted", "The category is deleted, with its menu links.");
    private static final String PAGE = "/admin/settings/categories/";

    private final CategoryService categories;
    private final AdminShell shell;

    CategoryAdminRoutes(CategoryService categories, AdminShell shell) {
        this.categories = categories;
        this.shell = shell;
    }

    void register(RoutesConfig routes) {
        routes.get(PAGE, this::list, Action.MANAGE_SETTINGS);
        routes.post(PAGE, this::add, Action.MANAGE_SETTINGS);
        routes.get(PAGE + "{id}/", this::editForm, Action.MANAGE_SETTINGS);
        routes.post(PAGE + "{id}/", this::save, Action.MANAGE_SETTINGS);
        routes.post(PAGE + "{id}/delete/", this::delete, Action.MANAGE_SETTINGS);
    }

    private void list(Context ctx) {
        showList(ctx, 200, CategoryForm.EMPTY, FormMessages.notice(NOTICES.get(String.valueOf(ctx.queryParam("done")))));
    }

    private void add(Context ctx) {
        CategoryForm form = form(ctx);
        try {
            categories.add(CategoryChange.parse(form.name(), form.slug(), form.description()));
            ctx.redirect(PAGE + "?done=added", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showList(ctx, 422, form, FormMessages.of(invalid));
        }
    }

    private void editForm(Context ctx) {
        Category category = existing(ctx);
        showOne(ctx, 200, category, new CategoryForm(category.name(), category.slug(),
                category.description() == null ? "" : category.description()), FormMessages.NONE);
    }

    private void save(Context ctx) {
        Category category = existing(ctx);
        CategoryForm form = form(ctx);
        try {
            categories.update(category.id(), CategoryChange.parse(form.name(), form.slug(), form.description()));
            ctx.redirect(PAGE + "?done=saved", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showOne(ctx, 422, category, form, FormMessages.of(invalid));
        }
    }

    private void delete(Context ctx) {
        Category category = existing(ctx);
        try {
            categories.delete(category.id());
            ctx.redirect(PAGE + "?done=deleted", HttpStatus.SEE_OTHER);
        } catch (Invalid invalid) {
            showOne(ctx, 422, category, new CategoryForm(category.name(), category.slug(),
                    category.description() == null ? "" : category.description()), FormMessages.of(invalid));
        }
    }

    private Category existing(Context ctx) {
        return categories.byId(Params.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private void showList(Context ctx, int status, CategoryForm form, FormMessages messages) {
        shell.render(ctx, status, "taxonomy/categories.jte", new CategoriesPage(shell.frame(ctx, "Categories",
                AdminShell.Section.SETTINGS), categories.list(), form, messages));
    }

    private void showOne(Context ctx, int status, Category category, CategoryForm form, FormMessages messages) {
        long articles = categories.list().stream().filter(l -> l.category().id() == category.id())
                .mapToLong(CategoryService.Listed::articles).sum();
        shell.render(ctx, status, "taxonomy/category.jte", new CategoryPage(shell.frame(ctx, "Category: " + category.name(),
                AdminShell.Section.SETTINGS), category, articles, form, messages));
    }

    private static CategoryForm form(Context ctx) {
        return new CategoryForm(Params.form(ctx, "name"), Params.form(ctx, "slug"), Params.form(ctx, "description"));
    }
}
