package org.vertebra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** Behind a trusted load balancer, limits count per visitor, not per balancer. */
class ForwardedAddressTest {

    static final String PASSWORD = "a long enough password";

    @TempDir
    Path folder;

    @Test
    void signInThrottlingCountsTheVisitorsAddressFromATrustedProxy() {
        try (TestServer server = TestServer.empty(TestDatabase.SQLITE, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            for (String user : new String[] {"guessed", "second", "third", "direct"}) {
                server.site().accounts.addUser(user + "@clinic.test", user, AccountRole.AUTHOR, PASSWORD);
            }
            for (int i = 0; i < 6; i++) {
                signIn(server, "guessed@clinic.test", "wrong " + i, "203.0.113.7");
            }

            assertThat(signIn(server, "second@clinic.test", PASSWORD, "203.0.113.7").statusCode())
                    .as("the guessing visitor's address is locked").isEqualTo(429);
            assertThat(signIn(server, "third@clinic.test", PASSWORD, "203.0.113.8").statusCode())
                    .as("another visitor behind the same balancer is not").isEqualTo(303);
            assertThat(signIn(server, "direct@clinic.test", PASSWORD, null).statusCode()).isEqualTo(303);
        }
    }

    private static HttpResponse<String> signIn(TestServer server, String email, String password, String forwardedFor) {
        WebClient client = new WebClient(server);
        Map<String, String> form = Map.of("_csrf", client.csrfToken("/admin/sign-in/"), "email", email, "password", password);
        return client.post("/admin/sign-in/", form, forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor));
    }
}
