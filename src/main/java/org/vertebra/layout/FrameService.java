package org.vertebra.layout;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the {@link Frame} of a page: the site's identity and menus from the database (both may
 * change while the server runs) and the "Browse Articles" sidebar.
 */
public final class FrameService {

    private final Supplier<SiteIdentity> identity;
    private final String baseUrl;
    private final SiteMenus menus;
    private final Supplier<List<CardView>> sidebar;
    private final Clock clock;
    private Supplier<ConsentBanner> consent = () -> ConsentBanner.NONE;

    public FrameService(Supplier<SiteIdentity> identity, String baseUrl, SiteMenus menus,
                        Supplier<List<CardView>> sidebar, Clock clock) {
        this.identity = identity;
        this.baseUrl = baseUrl;
        this.menus = menus;
        this.sidebar = sidebar;
        this.clock = clock;
    }

    /** Gives every page the consent manager's banner and dialog (consent/). */
    public void useConsent(Supplier<ConsentBanner> consent) {
        this.consent = consent;
    }

    public Frame frame(String title, String description, String path) {
        return frame(title, description, path, Social.website());
    }

    public Frame frame(String title, String description, String path, Social social) {
        SiteIdentity site = identity.get();
        return new Frame(site.title(), site.tagline(), title, description, baseUrl, path,
                links(menus.primaryMenu(), path),
                links(menus.categoryMenu(), path),
                sidebar.get(), clock.instant().atZone(ZoneOffset.UTC).getYear(), social, site.footerParagraphs(),
                consent.get());
    }

    public String siteTitle() {
        return identity.get().title();
    }

    private static List<MenuLink> links(List<SiteMenus.Item> items, String path) {
        return items.stream().map(i -> new MenuLink(i.label(), i.url(), isCurrent(i.url(), path), links(i.children(), path)))
                .toList();
    }

    private static boolean isCurrent(String url, String path) {
        return url.equals("/") ? path.equals("/") : path.startsWith(url);
    }
}
