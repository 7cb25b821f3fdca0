package org.vertebra.access;

/**
 * Who may do what, for handlers and services: the role table is {@link Action}'s, and rules that
 * depend on the thing acted on (whose article it is) are written here, once.
 */
public final class Permission {

    private Permission() {
    }

    /** True when this person's account is active and its role may do this. */
    public static boolean may(User user, Action action) {
        return user != null && !user.disabled() && action.allows(user.role());
    }

    /** True for accounts that can open patients' health data (consultations' intake answers and notes). */
    public static boolean opensHealthData(User user) {
        return may(user, Action.CONSULT) || may(user, Action.MANAGE_ALL_CONSULTATIONS);
    }

    /**
     * Authors edit their own articles, editors and admins all of them.
     *
     * @param ownerUserId the account that owns the article, or null when none does
     */
    public static boolean mayEditArticle(User user, Long ownerUserId) {
        return may(user, Action.EDIT_ANY_ARTICLE)
                || may(user, Action.WRITE_ARTICLES) && ownerUserId != null && ownerUserId == user.id();
    }

    /**
     * Admins and editors edit every author profile; anyone else the one linked to their account.
     *
     * @param linkedAuthorId the author profile linked to this person's account, or null when none is
     */
    public static boolean mayEditAuthorProfile(User user, Long linkedAuthorId, long authorId) {
        return may(user, Action.EDIT_AUTHOR_PROFILES)
                || may(user, Action.USE_ADMIN) && linkedAuthorId != null && linkedAuthorId == authorId;
    }
}
