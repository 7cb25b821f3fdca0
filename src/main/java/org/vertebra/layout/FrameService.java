package org.vertebra.layout;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.vertebra.taxonomy.MenuItem;
import org.vertebra.taxonomy.TaxonomyService;

/** Builds the {@link Frame} of a page: menus from the database and the "Browse Articles" sidebar. */
public final class FrameService {

    private final String siteTitle;
    private final String baseUrl;
    private final TaxonomyService taxonomy;
    private final Supplier<List<CardView>> sidebar;
    private final Clock clock;

    public FrameService(String siteTitle, String baseUrl, TaxonomyService taxonomy, Supplier<List<CardView>> sidebar,
                        Clock clock) {
        this.siteTitle = siteTitle;
        this.baseUrl = baseUrl;
        this.taxonomy = taxonomy;
        this.sidebar = sidebar;
        this.clock = clock;
    }

    public Frame frame(String title, String description, String path) {
        return frame(title, description, path, Social.website());
    }

    public Frame frame(String title, String description, String path, Social social) {
        return new Frame(siteTitle, title, description, baseUrl, path,
                links(taxonomy.menu(TaxonomyService.PRIMARY_MENU), path),
                links(taxonomy.menu(TaxonomyService.CATEGORY_MENU), path),
                sidebar.get(), clock.instant().atZone(ZoneOffset.UTC).getYear(), social);
    }

    public String siteTitle() {
        return siteTitle;
    }

    private static List<MenuLink> links(List<MenuItem> items, String path) {
        return items.stream().map(i -> new MenuLink(i.label(), i.url(), isCurrent(i.url(), path))).toList();
    }

    private static boolean isCurrent(String url, String path) {
        return url.equals("/") ? path.equals("/") : path.startsWith(url);
    }
}
