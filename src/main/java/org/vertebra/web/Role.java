package org.vertebra.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route names one, so the route table shows its guard. */
public enum Role implements RouteRole {
    /** Any visitor, signed in or not. */
    ANYONE,
    /**
     * Any visitor sending a public form (a comment, the contact form, a subscription). Such a form
     * sits on a cached page that is the same for everyone, so it cannot carry a session's token,
     * and a visitor has no session to abuse: instead the request must not come from another site
     * (its Origin or Referer, when sent, names this one), and the form's own spam guard applies.
     */
    PUBLIC_FORM,
    /**
     * Any visitor sending a form on a private page that a signed link opened (a patient's reading
     * list). Such a page sends no referrer, so browsers send {@code Origin: null} and the check of
     * {@link #PUBLIC_FORM} cannot pass; and the visitor has no session. The handler checks instead
     * a token made from the link, which another site cannot know, and no session is looked up, so
     * the page's visitor gets no cookie.
     */
    SIGNED_LINK
}
