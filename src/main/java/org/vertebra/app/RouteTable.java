package org.vertebra.app;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route the server answers, in the order it tries them: method, path, the guard that lets a
 * request through (an account {@code Action}, or {@code ANYONE} / {@code PUBLIC_FORM}), and the
 * {@link org.vertebra.module.Feature} that registered it. {@code vertebra routes} prints it; RouteTableTest holds its rules.
 */
public final class RouteTable {

    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    /** One route; {@code guards} empty would be a route nobody thought to guard (the guard then refuses it). */
    public record Route(String method, String path, List<String> guards, String feature) {
    }

    private RouteTable() {
    }

    /** @param registeredBy the feature that registered each endpoint; "?" for one no feature did */
    static List<Route> of(Javalin app, Map<Endpoint, String> registeredBy) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> METHODS.contains(e.method))
                .map(e -> new Route(e.method.name(), e.path, guards(e.metadata(Roles.class)), registeredBy.getOrDefault(e, "?")))
                .toList();
    }

    private static List<String> guards(Roles roles) {
        if (roles == null) {
            return List.of();
        }
        return roles.getRoles().stream().map(RouteRole::toString).sorted(Comparator.naturalOrder()).toList();
    }

    /** The table as `vertebra routes` prints it: aligned columns, one route a line. */
    public static String text(List<Route> routes) {
        int pathWidth = routes.stream().mapToInt(r -> r.path().length()).max().orElse(4);
        StringBuilder out = new StringBuilder(String.format("%-7s %-" + pathWidth + "s  %-12s %s%n", "METHOD", "PATH", "FEATURE", "GUARD"));
        for (Route r : routes) {
            out.append(String.format("%-7s %-" + pathWidth + "s  %-12s %s%n", r.method(), r.path(), r.feature(),
                    r.guards().isEmpty() ? "(none)" : String.join(" | ", r.guards())));
        }
        return out.toString();
    }
}
