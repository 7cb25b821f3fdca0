package org.vertebra.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route names one, so the route table shows its guard. */
public enum Role implements RouteRole {
    /** Any visitor, signed in or not. */
    ANYONE
}
