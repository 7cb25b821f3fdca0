package org.vertebra.layout;

import java.util.List;
import org.vertebra.language.Language;
import org.vertebra.language.Messages;

/**
 * What every page around its main content shows: head fields, menus, sidebar and footer.
 *
 * @param title        the document title, without the site name
 * @param description  the meta description; may be null
 * @param path         the path of this page, for the canonical link and the current menu entry
 * @param tagline      the line under the site title; may be null
 * @param footer       the paragraphs of the footer text, shown after the copyright line
 * @param consent      the consent banner and manage dialog every page carries
 * @param text         the interface text in the page's language: the site's, or an article's own
 * @param alternates   the same page in other languages, for the head's hreflang links; empty for most pages
 * @param siteLanguage the site's language, whose search and feed are at /search/ and /feed/
 */
public record Frame(String siteTitle, String tagline, String title, String description, String baseUrl, String path,
                    List<MenuLink> primaryMenu, List<MenuLink> categoryMenu, List<CardView> sidebar, int year,
                    Social social, List<String> footer, ConsentBanner consent, Messages text,
                    List<Alternate> alternates, Language siteLanguage) {

    /** This frame with these hreflang alternates (absolute addresses, x-default among them). */
    public Frame withAlternates(List<Alternate> links) {
        return new Frame(siteTitle, tagline, title, description, baseUrl, path, primaryMenu, categoryMenu, sidebar, year,
                social, footer, consent, text, List.copyOf(links), siteLanguage);
    }

    /** Where the header's search box sends a reader: the search of the page's language. */
    public String searchPath() {
        return languagePrefix() + "/search/";
    }

    /** The feed of the page's language, for the head's feed link. */
    public String feedPath() {
        return languagePrefix() + "/feed/";
    }

    /** "" for the site's language, "/es" for Spanish on an English site: where that language's home, feed and search are. */
    private String languagePrefix() {
        return lang().equals(siteLanguage) ? "" : "/" + lang().tag().toLowerCase(java.util.Locale.ROOT);
    }

    /** The language of the page. */
    public Language lang() {
        return text.lang();
    }

    public String documentTitle() {
        return title == null || title.isBlank() || title.equals(siteTitle) ? siteTitle : title + " - " + siteTitle;
    }

    public String canonicalUrl() {
        return baseUrl + path;
    }

    /** Whether search engines may index this page: not a page of search results, whose address is what a reader typed. */
    public boolean indexable() {
        return !path.startsWith("/search/");
    }
}
