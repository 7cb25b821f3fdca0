package org.vertebra.wordpress;

import org.jsoup.Jsoup;

/**
 * WordPress keeps titles, excerpts, term names and writers' names as HTML ("Media &amp;amp; Text",
 * "&lt;em&gt;Hip&lt;/em&gt;"), so the export carries them encoded. Vertebra keeps them as text and
 * escapes them once when it writes a page: decoded here, once, with the markup's words kept and
 * its tags dropped.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.indexOf('&') < 0 && html.indexOf('<') < 0) {
            return html;
        }
        return Jsoup.parseBodyFragment(html).body().text();
    }
}
