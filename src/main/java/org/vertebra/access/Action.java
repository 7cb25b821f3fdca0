package org.vertebra.access;

import static org.vertebra.access.AccountRole.ADMIN;
import static org.vertebra.access.AccountRole.AUTHOR;
import static org.vertebra.access.AccountRole.DOCTOR;
import static org.vertebra.access.AccountRole.EDITOR;
import static org.vertebra.access.AccountRole.REVIEWER;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * Something a signed-in person may do, and the roles that may do it: the one table of who may do
 * what. A route names the action it performs as its guard ({@code routes.get(path, handler,
 * Action.MANAGE_USERS)}), and {@link Access} lets only those roles through; handlers that need a
 * finer rule ask {@link Permission}, which reads this same table.
 */
public enum Action implements RouteRole {
    /** Reach the admin at all: the dashboard, one's own account and password, signing out. */
    USE_ADMIN(ADMIN, EDITOR, AUTHOR, REVIEWER, DOCTOR),
    /** Add accounts, change their roles, disable and enable them. */
    MANAGE_USERS(ADMIN),
    /** Write articles and edit one's own (see {@link Permission#mayEditArticle}). */
    WRITE_ARTICLES(ADMIN, EDITOR, AUTHOR),
    /** Edit anyone's article. */
    EDIT_ANY_ARTICLE(ADMIN, EDITOR),
    /** Publish and unpublish articles. */
    PUBLISH_ARTICLES(ADMIN, EDITOR),
    /** Comment on drafts and sign off their medical review. */
    REVIEW_ARTICLES(REVIEWER),
    /** Upload and describe images in the media library. */
    MANAGE_MEDIA(ADMIN, EDITOR, AUTHOR),
    /** Delete images from the media library, even one an article still shows (after a second confirmation). */
    DELETE_MEDIA(ADMIN, EDITOR),
    /** Approve, reject and answer readers' comments. */
    MODERATE_COMMENTS(ADMIN, EDITOR),
    /** See the newsletter's subscribers, send the digest, export and import the list. */
    MANAGE_NEWSLETTER(ADMIN, EDITOR),
    /** Read the contact form's messages and mark them read (a doctor answers questions about consultations). */
    READ_MESSAGES(ADMIN, EDITOR, DOCTOR),
    /**
     * See one's consultations: the day's agenda, intake answers (each view logged), done or no-show,
     * private notes, and one's own hours.
     */
    CONSULT(ADMIN, DOCTOR),
    /** Every doctor's consultations and hours, and the log of who read intake data. */
    MANAGE_ALL_CONSULTATIONS(ADMIN),
    /** Change the site's settings: title, tagline, footer, menus and categories. */
    MANAGE_SETTINGS(ADMIN),
    /**
     * Edit any author profile; anyone on the desk may edit the one linked to their own account
     * (see {@link Permission#mayEditAuthorProfile}).
     */
    EDIT_AUTHOR_PROFILES(ADMIN, EDITOR),
    /** Manage redirects of old addresses and the log of addresses not found (redirect/). */
    MANAGE_REDIRECTS(ADMIN, EDITOR),
    /** See the site's cookieless statistics (stats/). */
    VIEW_STATISTICS(ADMIN, EDITOR),
    /** See the consent log and people's requests for their data, and export the log (consent/, privacy/). */
    MANAGE_PRIVACY(ADMIN),
    /** Read the audit log of security-relevant events, check its chain and export it (audit/). */
    VIEW_AUDIT_LOG(ADMIN),
    /** Send patients reading lists, and see and delete the ones one sent (reading/). */
    PRESCRIBE_READING(ADMIN, DOCTOR),
    /** See and delete every reading list, whoever sent it (reading/). */
    MANAGE_ALL_READING_LISTS(ADMIN);

    private final Set<AccountRole> roles;

    Action(AccountRole first, AccountRole... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    /** True when this role may do this; {@link Permission#may} adds that the account must be active. */
    public boolean allows(AccountRole role) {
        return roles.contains(role);
    }
}
