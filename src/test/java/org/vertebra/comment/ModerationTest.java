package org.vertebra.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.support.Desk;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.WebClient;

/** The moderation queue at /admin/comments/ by role, and the email a reply causes. */
class ModerationTest {

    @TempDir
    Path temp;

    private CommentSite site;
    private Desk desk;
    private WebClient reader;

    @BeforeEach
    void open() {
        site = new CommentSite(TestDatabase.SQLITE, temp);
        desk = new Desk(site.server, "mod");
        reader = new WebClient(site.server);
    }

    @AfterEach
    void close() {
        site.close();
    }

    private long held(String name, String email, boolean wantsReplies) {
        Map<String, String> form = site.form(reader, name, email, "A question from " + name);
        if (wantsReplies) {
            form.put("notify", "1");
        }
        site.send(reader, form);
        return site.lastId();
    }

    private HttpResponse<String> post(AccountRole role, String path) {
        WebClient client = desk.client(role);
        return client.post(path, Map.of("_csrf", Desk.token(client), "back", "held", "reply", "Thank you for asking."));
    }

    @Test
    void editorsAndAdminsModerateAndOtherRolesAreRefusedEvenByDirectPosts() {
        long id = held("Ann", "ann@example.org", false);
        for (AccountRole role : List.of(AccountRole.AUTHOR, AccountRole.REVIEWER, AccountRole.DOCTOR)) {
            assertThat(desk.client(role).get("/admin/comments/").statusCode()).as(role.name()).isEqualTo(403);
            for (String action : List.of("approve", "reject", "spam", "reply")) {
                assertThat(post(role, "/admin/comments/" + id + "/" + action + "/").statusCode()).as(role + " " + action).isEqualTo(403);
            }
        }
        assertThat(site.status(id)).isEqualTo("held");

        Document queue = desk.client(AccountRole.EDITOR).page("/admin/comments/");
        assertThat(queue.select(".queued-title").text()).contains("Ann", "Knee pain on stairs");
        assertThat(desk.client(AccountRole.EDITOR).page("/admin/").select(".attention").text()).contains("1 comment waiting");

        HttpResponse<String> approved = post(AccountRole.EDITOR, "/admin/comments/" + id + "/approve/");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(site.status(id)).isEqualTo("approved");
        assertThat(post(AccountRole.ADMIN, "/admin/comments/" + id + "/spam/").statusCode()).isEqualTo(303);
        assertThat(site.status(id)).isEqualTo("spam");
        assertThat(post(AccountRole.EDITOR, "/admin/comments/" + id + "/reject/").statusCode()).isEqualTo(303);
        assertThat(site.status(id)).isEqualTo("rejected");
        assertThat(site.articlePage().select(".comment")).isEmpty();

        WebClient editor = desk.client(AccountRole.EDITOR);
        assertThat(editor.post("/admin/comments/" + id + "/approve/", Map.of("back", "held")).statusCode())
                .as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void aStaffReplyApprovesTheCommentShowsMarkedAndEmailsTheCommenterWhoAskedOnly() {
        long asked = held("Ann", "ann@example.org", true);
        long silent = held("Bob", "bob@example.org", false);

        assertThat(post(AccountRole.EDITOR, "/admin/comments/" + asked + "/reply/").statusCode()).isEqualTo(303);
        assertThat(post(AccountRole.EDITOR, "/admin/comments/" + silent + "/reply/").statusCode()).isEqualTo(303);

        List<Map<String, Object>> mail = site.server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT kind, recipient, subject, text_body FROM mail_outbox").mapToMap().list());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0)).containsEntry("kind", "comment-reply").containsEntry("recipient", "ann@example.org");
        assertThat((String) mail.get(0).get("text_body")).contains("http://vertebra.test/knee-pain/#comment-")
                .contains("Thank you for asking.").contains("because you ticked");

        Document page = site.articlePage();
        assertThat(page.select(".comment-list > li")).hasSize(2);
        assertThat(page.select(".comment-replies .comment-staff .comment-author").eachText()).containsExactly("The Editor", "The Editor");
        assertThat(page.select(".comment-staff .staff-badge").first().text()).isEqualTo("Site team");
    }

    @Test
    void everyReplyEmailCarriesALinkThatStopsThemAfterTheReaderConfirms() {
        long asked = held("Ann", "ann@example.org", true);
        post(AccountRole.EDITOR, "/admin/comments/" + asked + "/reply/");
        Map<String, Object> mail = site.server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT text_body, headers_json FROM mail_outbox").mapToMap().one());
        String headers = (String) mail.get("headers_json");
        assertThat(headers).contains("List-Unsubscribe-Post").contains("List-Unsubscribe=One-Click");
        String link = ((String) mail.get("text_body")).lines().filter(l -> l.startsWith("Stop these emails: "))
                .findFirst().orElseThrow().substring("Stop these emails: ".length());
        assertThat(headers).contains("<" + link + ">");
        String path = link.substring("http://vertebra.test".length());

        WebClient scanner = new WebClient(site.server);
        HttpResponse<String> asking = scanner.get(path);
        assertThat(asking.statusCode()).isEqualTo(200);
        assertThat(asking.body()).contains("Stop these emails");
        assertThat(site.server.site().comments.isStopToken(path.substring(path.indexOf("token=") + 6))).isTrue();
        post(AccountRole.EDITOR, "/admin/comments/" + asked + "/reply/");
        assertThat(site.server.site().outbox.waiting()).as("a GET stops nothing").isEqualTo(2);

        // A mail program's one-click POST: no cookie, no Origin, the token in the address.
        HttpResponse<String> oneClick = scanner.post(path, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("you will get no more emails");
        post(AccountRole.EDITOR, "/admin/comments/" + asked + "/reply/");
        assertThat(site.server.site().outbox.waiting()).isEqualTo(2);

        String forged = path.substring(0, path.length() - 3) + "AAA";
        assertThat(scanner.get(forged).statusCode()).isEqualTo(400);
        assertThat(scanner.post("/comments/stop/", Map.of("token", "1.x")).statusCode()).isEqualTo(400);
    }

    @Test
    void aReaderReplyEmailsTheParentWhenItIsApprovedAndOnlyOnce() {
        long parent = held("Ann", "ann@example.org", true);
        site.server.site().comments.approve(parent);
        Map<String, String> form = site.form(reader, "Bob", "bob@example.org", "Same for me.");
        form.put("reply-to", Long.toString(parent));
        site.send(reader, form);
        long reply = site.lastId();
        assertThat(site.server.site().outbox.waiting()).isZero(); // held: not yet

        site.server.site().comments.approve(reply);
        site.server.site().comments.reject(reply);
        site.server.site().comments.approve(reply);

        assertThat(site.server.site().outbox.waiting()).isEqualTo(1);
    }

    @Test
    void aReplyWithoutTextIsExplainedOnTheQueue() {
        long id = held("Ann", "ann@example.org", false);
        WebClient editor = desk.client(AccountRole.EDITOR);

        HttpResponse<String> response = editor.post("/admin/comments/" + id + "/reply/",
                Map.of("_csrf", Desk.token(editor), "back", "held", "reply", "  "));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(org.jsoup.Jsoup.parse(response.body()).select("#reply-" + id + "-error").text()).isEqualTo("Write the reply.");
    }

    @Test
    void onlyAdministratorsSetWhenCommentsClose() {
        WebClient editor = desk.client(AccountRole.EDITOR);
        assertThat(editor.post("/admin/comments/settings/", Map.of("_csrf", Desk.token(editor), "days", "7")).statusCode())
                .isEqualTo(403);
        WebClient admin = desk.client(AccountRole.ADMIN);
        assertThat(admin.post("/admin/comments/settings/", Map.of("_csrf", Desk.token(admin), "days", "soon")).statusCode())
                .isEqualTo(422);
        assertThat(admin.post("/admin/comments/settings/", Map.of("_csrf", Desk.token(admin), "days", "7")).statusCode())
                .isEqualTo(303);
        assertThat(site.server.site().comments.closeAfterDays()).isEqualTo(7);
        assertThat(admin.page("/admin/comments/").select("#days").val()).isEqualTo("7");
    }

    @Test
    void theReplyEmailIsInTheLanguageOfTheArticleItAnswersOn() {
        long asked = held("Ann", "ann@example.org", true);
        post(AccountRole.EDITOR, "/admin/comments/" + asked + "/reply/");
        Map<String, Object> english = site.server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT subject, text_body FROM mail_outbox WHERE recipient = 'ann@example.org'").mapToMap().one());
        assertThat(english.get("subject")).isEqualTo("A reply to your comment on \u201cKnee pain on stairs\u201d");
        assertThat(((String) english.get("text_body")).replaceAll("(?m)#comment-\\d+$", "#comment-N")
                .replaceAll("token=\\S+", "token=T")).isEqualTo("""
                Hello Ann,

                The Editor (from the site's team) replied to your comment on "Knee pain on stairs":

                > Thank you for asking.

                Read the reply and the whole conversation:
                http://vertebra.test/knee-pain/#comment-N

                You get this email because you ticked "Email me when someone replies" when you wrote your comment. \
                We write only when someone answers it. Replies to this email are not read.

                Stop these emails: http://vertebra.test/comments/stop/?token=T
                """);

        site.server.site().siteSettings.save(org.vertebra.settings.IdentityChange.parse(null, null, null, "es"));
        org.vertebra.article.Article rodilla = site.publish("dolor-de-rodilla", "Dolor de rodilla",
                site.clock.instant().minus(java.time.Duration.ofDays(1)));
        site.server.server().refreshCache();
        Document page = reader.page("/dolor-de-rodilla/");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("name", "Ana", "email", "ana@example.org",
                "body", "¿Sirve subir escaleras?", "notify", "1", "homepage", "",
                "ticket", page.selectFirst("form.comment-form input[name=ticket]").attr("value")));
        site.clock.advance(java.time.Duration.ofSeconds(10));
        assertThat(reader.post("/comments/" + rodilla.id() + "/", form,
                Map.of("Origin", "http://localhost:" + site.server.server().port())).statusCode()).isEqualTo(303);

        post(AccountRole.EDITOR, "/admin/comments/" + site.lastId() + "/reply/");
        Map<String, Object> mail = site.server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT subject, text_body FROM mail_outbox WHERE recipient = 'ana@example.org'").mapToMap().one());
        assertThat(mail.get("subject")).isEqualTo("Una respuesta a su comentario en «Dolor de rodilla»");
        assertThat((String) mail.get("text_body")).startsWith("Hola, Ana:\n\nThe Editor (del equipo del sitio) ha respondido")
                .contains("> Thank you for asking.").contains("Dejar de recibir estos correos: http://vertebra.test/comments/stop/?token=");
    }
}
