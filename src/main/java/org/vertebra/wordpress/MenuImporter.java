package org.vertebra.wordpress;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleWriter;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.taxonomy.CategoryService;
import org.vertebra.taxonomy.MenuEntry;
import org.vertebra.taxonomy.MenuLinkChange;
import org.vertebra.taxonomy.MenuService;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.wordpress.WordPressReport.Outcome;

/**
 * Brings a WordPress menu into the site's main menu, after the posts, pages and categories it
 * links to have come across. An export does not say which menu the theme showed where, so the
 * menu named like a main one ("Main Menu", "Primary", "Header") is taken, or else the longest; the
 * others are reported. Vertebra's menus nest one level, so a deeper item goes under its top-level
 * ancestor, and the report says so. Items are keyed by WordPress id: importing again adds nothing
 * twice and leaves an editor's later changes to the menu alone.
 */
final class MenuImporter {

    static final String KIND = "menu item";
    private static final Pattern MAIN_NAME = Pattern.compile("(?i)\\b(main|primary|header|top|navigation)\\b");

    /**
     * Where an item leads: an address, or a category ({@code label} null: the category's name).
     * {@code shown} is what the menu will say, for the report.
     */
    private record Target(String label, String url, Long categoryId, String shown) {

        static Target link(String label, String url) {
            return new Target(label, url, null, label);
        }
    }

    private final Transactor transactor;
    private final WordPressRepository repository;
    private final MenuService menus;
    private final ArticleWriter articles;
    private final CategoryService categories;
    private final Clock clock;
    private final ImportRun run;
    /** The Vertebra menu entry of each WordPress item placed so far, for the items under it. */
    private final Map<Long, Long> placed = new HashMap<>();
    /** What the menu says for each WordPress item placed, for the report. */
    private final Map<Long, String> shown = new HashMap<>();

    MenuImporter(Transactor transactor, WordPressRepository repository, MenuService menus, ArticleWriter articles,
                 CategoryService categories, Clock clock, ImportRun run) {
        this.transactor = transactor;
        this.repository = repository;
        this.menus = menus;
        this.articles = articles;
        this.categories = categories;
        this.clock = clock;
        this.run = run;
    }

    void importMenus() {
        Map<String, List<WxrItem>> byMenu = new LinkedHashMap<>();
        run.menuItems.forEach(item -> byMenu.computeIfAbsent(item.menu(), k -> new ArrayList<>()).add(item));
        if (byMenu.isEmpty()) {
            return;
        }
        String main = mainMenu(byMenu);
        byMenu.forEach((name, items) -> {
            if (!name.equals(main)) {
                run.report.skipped("menu", 0, name, "Vertebra has one main menu, so " + (items.size() == 1 ? "the link of this menu was"
                        : "the " + items.size() + " links of this menu were") + " left out; add what you need in Admin > Menus");
            }
        });
        List<WxrItem> items = byMenu.get(main).stream()
                .sorted(Comparator.comparingInt(WxrItem::menuOrder)).toList();
        Map<Long, WxrItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        items.forEach(item -> importItem(item, byId));
    }

    private static String mainMenu(Map<String, List<WxrItem>> byMenu) {
        return byMenu.keySet().stream().filter(name -> MAIN_NAME.matcher(name).find()).findFirst()
                .orElseGet(() -> byMenu.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                        .orElseThrow().getKey());
    }

    private void importItem(WxrItem item, Map<Long, WxrItem> byId) {
        Optional<Target> target = target(item);
        if (target.isEmpty()) {
            return;
        }
        String label = target.get().shown();
        WxrItem top = topLevel(item, byId);
        Long parentId = null;
        if (top != item) {
            parentId = placed.get(top.id());
            if (parentId == null) {
                run.report.skipped(KIND, item.id(), label, "the item it sits under was left out");
                return;
            }
            if (parentOf(item) != top.id()) {
                run.report.warning("menu item \"" + label + "\" sat deeper than Vertebra's menus nest (one level); "
                        + "it now sits under \"" + shownAs(top) + "\"");
            }
        }
        shown.put(item.id(), label);
        Long parent = parentId;
        try {
            run.report.add(KIND, transactor.inTransaction(() -> save(item, target.get(), parent)));
        } catch (Invalid e) {
            run.report.skipped(KIND, item.id(), label, e.getMessage());
        }
    }

    private Outcome save(WxrItem item, Target target, Long parentId) {
        Optional<MenuEntry> mapped = repository.mapped(KIND, item.id()).flatMap(menus::item);
        Optional<MenuEntry> existing = mapped.or(() -> linkTo(target.url()));
        if (existing.isPresent()) {
            remember(item, existing.get().id());
            return Outcome.UNCHANGED;
        }
        MenuEntry added = menus.add(TaxonomyService.PRIMARY_MENU,
                new MenuLinkChange(target.label(), target.categoryId() == null ? target.url() : null, target.categoryId(), parentId));
        remember(item, added.id());
        return Outcome.CREATED;
    }

    private void remember(WxrItem item, long entryId) {
        repository.map(KIND, item.id(), entryId, clock.instant());
        placed.put(item.id(), entryId);
    }

    private String shownAs(WxrItem item) {
        return shown.getOrDefault(item.id(), titleOf(item));
    }

    private Optional<MenuEntry> linkTo(String url) {
        return menus.tree(TaxonomyService.PRIMARY_MENU).stream()
                .flatMap(e -> Stream.concat(Stream.of(e), e.children().stream()))
                .filter(e -> e.url().equals(url)).findFirst();
    }

    private Optional<Target> target(WxrItem item) {
        String type = item.meta("_menu_item_type").orElse("");
        String object = item.meta("_menu_item_object").orElse("");
        long objectId = item.metaNumber("_menu_item_object_id");
        String title = item.title().isBlank() ? null : item.title();
        return switch (type) {
            case "custom" -> custom(item, title, item.meta("_menu_item_url").orElse(""));
            case "post_type" -> post(item, title, object, objectId);
            case "taxonomy" -> term(item, title, object, objectId);
            default -> leftOut(item, "menu items of the kind '" + type + "' have no counterpart in Vertebra");
        };
    }

    private Optional<Target> post(WxrItem item, String title, String object, long objectId) {
        if (!object.equals("post") && !object.equals("page")) {
            return leftOut(item, "it links to a WordPress '" + object + "', which has no counterpart in Vertebra");
        }
        Optional<Article> article = repository.mapped("post", objectId).flatMap(articles::byId);
        if (article.isEmpty()) {
            return leftOut(item, "the " + object + " it links to was not imported");
        }
        if (!article.get().status().equals(Article.PUBLISHED)) {
            return leftOut(item, "the " + object + " it links to, \"" + article.get().title() + "\", is not published here");
        }
        return Optional.of(Target.link(title == null ? article.get().title() : title, article.get().url()));
    }

    private Optional<Target> term(WxrItem item, String title, String object, long objectId) {
        if (object.equals("category")) {
            return repository.mapped("category", objectId).flatMap(categories::byId)
                    .map(c -> new Target(title, c.url(), c.id(), title == null ? c.name() : title))
                    .or(() -> leftOut(item, "the category it links to was not imported"));
        }
        if (object.equals("post_tag")) {
            return repository.mapped("tag", objectId).flatMap(id -> run.tags.values().stream().filter(t -> t.id() == id).findFirst())
                    .map(t -> Target.link(title == null ? t.name() : title, t.url()))
                    .or(() -> leftOut(item, "the tag it links to was not imported"));
        }
        return leftOut(item, "it links to a WordPress '" + object + "', which has no counterpart in Vertebra");
    }

    /** A typed address: one on the old site becomes the path it has here; elsewhere, only https. */
    private Optional<Target> custom(WxrItem item, String title, String url) {
        if (url.isBlank()) {
            return leftOut(item, "it has no address");
        }
        Optional<String> path = pathOnOldSite(url);
        if (path.isPresent()) {
            return Optional.of(Target.link(title == null ? path.get() : title, path.get()));
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            return Optional.of(Target.link(title == null ? url : title, url));
        }
        return leftOut(item, "a Vertebra menu links to this site's pages and https addresses only, not " + url);
    }

    private Optional<String> pathOnOldSite(String url) {
        try {
            URI link = URI.create(url.strip());
            URI site = URI.create(run.siteAddress.isBlank() ? "http://wordpress.invalid" : run.siteAddress);
            boolean sameSite = link.getHost() != null && link.getHost().equalsIgnoreCase(site.getHost())
                    && link.getPort() == site.getPort();
            if (!sameSite && !(link.getHost() == null && url.startsWith("/"))) {
                return Optional.empty();
            }
            String path = link.getRawPath() == null || link.getRawPath().isEmpty() ? "/" : link.getRawPath();
            String moved = LegacyPaths.ofAddress(url).flatMap(repository::legacy)
                    .map(t -> t.articleId() == null ? t.target() : articles.byId(t.articleId()).map(Article::url).orElse(t.target()))
                    .orElse(null);
            return Optional.of(moved != null ? moved : path + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Target> leftOut(WxrItem item, String reason) {
        run.report.skipped(KIND, item.id(), titleOf(item), reason);
        return Optional.empty();
    }

    private static WxrItem topLevel(WxrItem item, Map<Long, WxrItem> byId) {
        WxrItem top = item;
        for (int depth = 0; depth < 20 && byId.containsKey(parentOf(top)); depth++) {
            top = byId.get(parentOf(top));
        }
        return top;
    }

    private static long parentOf(WxrItem item) {
        return item.metaNumber("_menu_item_menu_item_parent");
    }

    private static String titleOf(WxrItem item) {
        return item.title().isBlank() ? item.meta("_menu_item_object").orElse("") + " link" : item.title();
    }
}
