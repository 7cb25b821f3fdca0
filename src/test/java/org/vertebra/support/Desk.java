package org.vertebra.support;

import java.util.EnumMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.vertebra.access.AccountRole;
import org.vertebra.access.User;

/** One signed-in account of each role on a {@link TestServer}, for tests of admin forms by role. */
public final class Desk {

    public static final String PASSWORD = "a long enough password";

    private final Map<AccountRole, User> users = new EnumMap<>(AccountRole.class);
    private final Map<AccountRole, WebClient> clients = new EnumMap<>(AccountRole.class);

    public Desk(TestServer server, String prefix) {
        for (AccountRole role : AccountRole.values()) {
            String email = prefix + "-" + role.key() + "@example.org";
            users.put(role, server.site().accounts.addUser(email, "The " + role.label(), role, PASSWORD));
            clients.put(role, new WebClient(server).signIn(email, PASSWORD));
        }
    }

    public WebClient client(AccountRole role) {
        return clients.get(role);
    }

    public User user(AccountRole role) {
        return users.get(role);
    }

    /** The CSRF token of this client's session. */
    public static String token(WebClient client) {
        return Jsoup.parse(client.get("/admin/account/").body()).selectFirst("input[name=_csrf]").attr("value");
    }
}
