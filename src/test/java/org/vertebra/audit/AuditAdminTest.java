package org.vertebra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * /admin/audit/ for administrators: newest first, filtered by actor, action, outcome and days,
 * paged, exported as CSV with the same filter, with the chain's state; every other role refused.
 */
class AuditAdminTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listsFiltersPagesAndExportsForAdministratorsOnly(TestDatabase kind) {
        // Sign-ins late on 2 March and the events just after midnight: within the 15 minutes an
        // administrator's session may stay idle.
        TestClock clock = TestClock.at("2026-03-02T23:50:00Z");
        try (TestServer server = TestServer.empty(kind, temp, clock)) {
            Desk desk = new Desk(server, "audit"); // one signed-in account of each role: five sign-ins on 2 March
            AuditLog audit = server.site().audit;
            clock.advance(Duration.ofMinutes(10)); // 3 March, UTC
            for (int i = 0; i < 60; i++) {
                audit.record(Actor.anonymous("203.0.113.9", "guess-" + i), AuditAction.SIGN_IN_FAILED,
                        AuditObject.NONE.withDetail("password"), AuditOutcome.REFUSED);
            }
            audit.record(Actor.account(desk.user(AccountRole.EDITOR).id(), "Cell, \"quoted\"", null, "r-editor"),
                    AuditAction.ARTICLE_PUBLISHED, AuditObject.article(9).withDetail("=HYPERLINK(\"x\")"));
            WebClient admin = desk.client(AccountRole.ADMIN);

            Document first = admin.page(AuditAdminRoutes.PAGE);
            assertThat(first.select("#chain-status").attr("data-intact")).isEqualTo("true");
            assertThat(first.select("#chain-status").text()).contains("The chain verifies", "from row 1");
            List<String> seqs = first.select("#audit-events tbody tr").eachAttr("data-seq");
            assertThat(seqs).hasSize(50);
            assertThat(seqs.get(0)).isEqualTo("66"); // 5 sign-ins, 60 failures, the publication
            assertThat(first.select("#audit-events tbody tr").first().text()).contains("Article published", "article 9");
            assertThat(first.select("nav a:contains(Audit log)")).isNotEmpty();
            String older = first.select("a[rel=next]").attr("href");
            Document second = admin.page(older);
            assertThat(second.select("#audit-events tbody tr").eachAttr("data-seq")).hasSize(16).first().isEqualTo("16");
            assertThat(second.select("a[rel=next]")).isEmpty();

            Document refused = admin.page(AuditAdminRoutes.PAGE + "?outcome=refused&action=sign-in-failed&actor=anonymous");
            assertThat(refused.select("#audit-events tbody tr")).hasSize(50);
            assertThat(refused.select("#audit-events tbody tr").eachText()).allMatch(t -> t.contains("Sign-in failed"));
            assertThat(refused.select("#action option[selected]").val()).isEqualTo("sign-in-failed");
            assertThat(refused.select("a[rel=next]").attr("href")).contains("outcome=refused", "actor=anonymous", "before=");
            Document firstDay = admin.page(AuditAdminRoutes.PAGE + "?from=2026-03-02&to=2026-03-02");
            assertThat(firstDay.select("#audit-events tbody tr").eachText()).hasSize(5).allMatch(t -> t.contains("Signed in"));
            Document byName = admin.page(AuditAdminRoutes.PAGE + "?actor=The+Doctor");
            assertThat(byName.select("#audit-events tbody tr")).hasSize(1);
            assertThat(admin.get(AuditAdminRoutes.PAGE + "?from=yesterday").statusCode()).isEqualTo(400);

            HttpResponse<String> csv = admin.get(AuditAdminRoutes.CSV + "?action=article-published");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            List<String> lines = csv.body().lines().toList();
            assertThat(lines.get(0)).startsWith("seq,time_utc,actor_id,actor,address_hash,action,");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1)).startsWith("66,2026-03-03T00:00:00Z," + desk.user(AccountRole.EDITOR).id()
                    + ",\"Cell, \"\"quoted\"\"\",,article-published,article,9,\"'=HYPERLINK(\"\"x\"\")\",ok,r-editor,");
            // Every row, the two exports' own included: each is recorded before its rows are written.
            List<String> all = admin.get(AuditAdminRoutes.CSV).body().lines().toList();
            assertThat(all).hasSize(1 + 66 + 2);
            assertThat(all.get(1)).startsWith("68,").contains(",data-exported,audit-log,,CSV,ok,");

            // Other exports of personal data are on record too.
            assertThat(admin.get("/admin/newsletter/subscribers.csv").statusCode()).isEqualTo(200);
            assertThat(admin.get("/admin/privacy/consent.csv").statusCode()).isEqualTo(200);
            assertThat(audit.page(new AuditFilter(null, AuditAction.DATA_EXPORTED, null, null, null, null), 10))
                    .extracting(AuditEntry::objectType).containsExactly("consent-log", "newsletter-subscribers", "audit-log", "audit-log");

            for (AccountRole role : List.of(AccountRole.EDITOR, AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
                WebClient other = desk.client(role);
                assertThat(other.get(AuditAdminRoutes.PAGE).statusCode()).as(role.key()).isEqualTo(403);
                assertThat(other.get(AuditAdminRoutes.CSV).statusCode()).as(role.key()).isEqualTo(403);
                assertThat(other.page("/admin/").select("nav a:contains(Audit log)")).isEmpty();
            }
            assertThat(new WebClient(server).get(AuditAdminRoutes.PAGE).statusCode()).isEqualTo(302);
            assertThat(new WebClient(server).get(AuditAdminRoutes.CSV).statusCode()).isEqualTo(302);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void showsThatTheChainDoesNotVerifyAndWhere(TestDatabase kind) {
        TestClock clock = TestClock.at("2026-03-02T06:00:00Z");
        try (TestServer server = TestServer.empty(kind, temp, clock)) {
            Desk desk = new Desk(server, "audit");
            server.site().database.jdbi().useHandle(h -> h.execute("UPDATE audit_events SET outcome = 'refused' WHERE seq = 2"));

            Document page = desk.client(AccountRole.ADMIN).page(AuditAdminRoutes.PAGE);

            assertThat(page.select("#chain-status").attr("data-intact")).isEqualTo("false");
            assertThat(page.select("#chain-status").text()).contains("does not verify", "row 2", "vertebra audit verify");
        }
    }
}
