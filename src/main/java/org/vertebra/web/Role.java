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
    PUBLIC_FORM
}
