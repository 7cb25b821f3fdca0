package org.vertebra.layout;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.vertebra.language.Language;
import org.vertebra.language.MessageBundles;
import org.vertebra.language.Messages;

/**
 * Builds the {@link Frame} of a page: the site's identity and menus from the database (both may
 * change while the server runs) and the "Browse Articles" sidebar. What it reads from the database
 * is kept until the server is told of a content change ({@link #contentChanged()}, on the same signal
 * that empties the page cache), so pages rendered for each request, such as search results, do not
 * ask the database for the same menus every time.
 */
public final class FrameService {

    private final Supplier<SiteIdentity> identity;
    private final String baseUrl;
    private final SiteMenus menus;
    private final Supplier<List<CardView>> sidebar;
    private final Clock clock;
    private final MessageBundles bundles;
    private final Supplier<ConsentBanner> consent;
    private final AtomicLong generation = new AtomicLong();
    private volatile Parts parts;

    /** What the frame reads from the database, and the generation of content it was read in. */
    private record Parts(long generation, SiteIdentity site, List<SiteMenus.Item> primaryMenu,
                         List<SiteMenus.Item> categoryMenu, List<CardView> sidebar) {
    }

    public FrameService(Supplier<SiteIdentity> identity, String baseUrl, SiteMenus menus,
                        Supplier<List<CardView>> sidebar, Clock clock) {
        this(identity, baseUrl, menus, sidebar, MessageBundles.shipped(), () -> ConsentBanner.NONE, clock);
    }

    /**
     * @param bundles the interface text of each language
     * @param consent the consent manager's banner and dialog, which every page carries (consent/)
     */
    public FrameService(Supplier<SiteIdentity> identity, String baseUrl, SiteMenus menus,
                        Supplier<List<CardView>> sidebar, MessageBundles bundles, Supplier<ConsentBanner> consent, Clock clock) {
        this.bundles = bundles;
        this.consent = consent;
        this.identity = identity;
        this.baseUrl = baseUrl;
        this.menus = menus;
        this.sidebar = sidebar;
        this.clock = clock;
    }

    public Frame frame(String title, String description, String path) {
        return frame(title, description, path, Social.website());
    }

    /**
     * @param description the page's own meta description; null gives the site's tagline, or the
     *                    site's title when it has none, so that no page goes without one (search
     *                    engines otherwise pick any text from the page to show under its title)
     */
    public Frame frame(String title, String description, String path, Social social) {
        return frame(title, description, path, social, null);
    }

    /** As {@link #frame(String, String, String, Social)}, for a page in this language (null: the site's). */
    public Frame frame(String title, String description, String path, Social social, Language language) {
        Parts read = parts();
        SiteIdentity site = read.site();
        String shown = description != null ? description
                : site.tagline() != null && !site.tagline().isBlank() ? site.tagline() : site.title();
        return new Frame(site.title(), site.tagline(), title, shown, baseUrl, path,
                links(read.primaryMenu(), path),
                links(read.categoryMenu(), path),
                read.sidebar(), clock.instant().atZone(ZoneOffset.UTC).getYear(), social, site.footerParagraphs(),
                consent.get(), bundles.of(language != null ? language : site.language()), List.of(), site.language());
    }

    /** The site's language: what pages in no other language are in. */
    public Language siteLanguage() {
        return parts().site().language();
    }

    /** The interface text of the site's language, for the titles of pages in it. */
    public Messages siteText() {
        return bundles.of(siteLanguage());
    }

    /** The interface text of a language, for what is not a page: a mail, an invitation. */
    public Messages text(Language language) {
        return bundles.of(language);
    }

    public String siteTitle() {
        return parts().site().title();
    }

    /** How many content changes this server has been told of: what a value kept "per content generation" compares. */
    public long contentGeneration() {
        return generation.get();
    }

    /** Content changed (here or on another server): the next frame reads the database again. */
    public void contentChanged() {
        generation.incrementAndGet();
        parts = null;
    }

    private Parts parts() {
        long now = generation.get();
        Parts kept = parts;
        if (kept != null && kept.generation() == now) {
            return kept;
        }
        // Read after taking the generation: parts read across a change carry the older one and are not used again.
        Parts read = new Parts(now, identity.get(), menus.primaryMenu(), menus.categoryMenu(), sidebar.get());
        parts = read;
        return read;
    }

    private static List<MenuLink> links(List<SiteMenus.Item> items, String path) {
        return items.stream().map(i -> new MenuLink(i.label(), i.url(), isCurrent(i.url(), path), links(i.children(), path)))
                .toList();
    }

    private static boolean isCurrent(String url, String path) {
        return url.equals("/") ? path.equals("/") : path.startsWith(url);
    }
}
