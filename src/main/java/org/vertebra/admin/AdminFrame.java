package org.vertebra.admin;

import java.util.List;
import org.vertebra.layout.MenuLink;

/**
 * What every admin page shows around its content: the site, the page's title (its h1), the admin
 * sections this person may open, who is signed in, and the token the sign-out form carries.
 *
 * @param userName  the signed-in person's name; null on the sign-in page and other pages for visitors
 * @param timer     how long the signed-in session has left, for the notice a minute before it ends; null for visitors
 */
public record AdminFrame(String siteTitle, String title, String userName, String csrfToken, List<MenuLink> nav,
                         SessionTimer timer) {

    /**
     * Seconds until the session ends if unused ({@code idleSeconds}) and however busy
     * ({@code endsSeconds}), counted when the page was made; {@code keepUrl} takes the POST of
     * the notice's "stay signed in" button.
     */
    public record SessionTimer(long idleSeconds, long endsSeconds, String keepUrl) {
    }

    public String documentTitle() {
        return title + " - " + siteTitle + " admin";
    }

    public boolean signedIn() {
        return userName != null;
    }
}
