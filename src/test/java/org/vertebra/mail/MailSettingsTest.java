package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.MailSettings;
import org.vertebra.app.SettingsLoader;
import org.vertebra.support.ServerWithSmtp;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * /admin/mail/settings/ over HTTP against a real SMTP server (GreenMail): saved, the password
 * sealed, used at once without a restart, tested with the server's answer, refused in words, and
 * the environment's settings winning; and the dashboard's warning while mail cannot go out.
 */
class MailSettingsTest {

    static final String PASSWORD = "a long enough password";
    static final String SMTP_USER = "clinic";
    static final String SMTP_PASSWORD = "s3cret-smtp-Pa55";

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    @AutoClose
    private ServerWithSmtp withSmtp;
    private TestServer server;
    private WebClient admin;

    private void start(TestDatabase kind) {
        withSmtp = ServerWithSmtp.startWithoutMailSettings(kind, folder, clock);
        withSmtp.smtp().setUser("clinic@vertebra.test", SMTP_USER, SMTP_PASSWORD);
        server = withSmtp.server();
        signInAsAdmin();
    }

    private static MailSettings fromTheEnvironmentAndFile(Path data, int port) {
        return new SettingsLoader(Map.of("VERTEBRA_SMTP_HOST", "127.0.0.1", "VERTEBRA_SMTP_PORT", Integer.toString(port),
                "VERTEBRA_SMTP_TLS", "none")).load(new SettingsLoader.Overrides(null, data, null)).mail();
    }

    private void signInAsAdmin() {
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, PASSWORD);
        admin = new WebClient(server).signIn("admin@example.org", PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savedSettingsSealThePasswordAndSendTheWaitingMailWithoutARestart(TestDatabase kind) throws Exception {
        start(kind);
        server.site().outbox.enqueue(OutgoingMail.plain("contact", "desk@example.org", "Waiting for a server", "Hi"));
        assertThat(server.server().mailSender().sendDue()).as("no server yet: the mail waits").isZero();

        HttpResponse<String> saved = save(settings(withSmtp.port(), SMTP_PASSWORD));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/admin/mail/settings/?done=saved");
        String stored = server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT value FROM site_settings WHERE name = 'smtp.password'").mapTo(String.class).one());
        assertThat(stored).doesNotContain(SMTP_PASSWORD).startsWith("v1.");
        String everything = server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT name || '=' || value FROM site_settings").mapTo(String.class).list()).toString();
        assertThat(everything).doesNotContain(SMTP_PASSWORD).contains("smtp.host=127.0.0.1", "smtp.user=" + SMTP_USER);

        Document page = admin.page("/admin/mail/settings/?done=saved");
        assertThat(page.select(".notice").text()).contains("saved and in use now");
        assertThat(page.selectFirst("#host").attr("value")).isEqualTo("127.0.0.1");
        assertThat(page.selectFirst("#port").attr("value")).isEqualTo(Integer.toString(withSmtp.port()));
        assertThat(page.selectFirst("#tls-none").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#fromAddress").attr("value")).isEqualTo("clinic@vertebra.test");
        assertThat(page.selectFirst("#fromName").attr("value")).isEqualTo("Test Clinic");
        assertThat(page.selectFirst("#password").attr("type")).isEqualTo("password");
        assertThat(page.selectFirst("#password").attr("value")).isEmpty();
        assertThat(page.html()).doesNotContain(SMTP_PASSWORD);
        assertThat(page.select("#password-hint").text()).contains("A password is stored").contains("Leave this empty to keep it");
        assertThat(page.select("#mail-on").text()).contains("127.0.0.1:" + withSmtp.port());

        // The same server, no restart: the waiting mail goes out through the new settings, signed in with the sealed password.
        // The server's own sender may take it first; either way it arrives once.
        server.server().mailSender().sendDue();
        assertThat(withSmtp.smtp().waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] received = withSmtp.smtp().getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Waiting for a server");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("Test Clinic <clinic@vertebra.test>");

        // Saving again with the password left empty keeps it.
        Map<String, String> again = settings(withSmtp.port(), "");
        again.put("fromName", "Spine Clinic");
        assertThat(save(again).statusCode()).isEqualTo(303);
        assertThat(server.site().mail.current().password()).isEqualTo(SMTP_PASSWORD);
        assertThat(server.site().mail.current().from()).isEqualTo("Spine Clinic <clinic@vertebra.test>");
    }

    @Test
    void aTestMailIsDeliveredAtOnceAndTheServersAnswerShown() throws Exception {
        start(TestDatabase.SQLITE);
        save(settings(withSmtp.port(), SMTP_PASSWORD));

        HttpResponse<String> tested = admin.post("/admin/mail/settings/test/", Map.of("_csrf", token(), "testTo", "ada@example.org"));

        assertThat(tested.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(tested.body());
        assertThat(page.select("#test-answer[role=status]").text()).startsWith("Delivered:").contains("250");
        assertThat(page.selectFirst("#testTo").attr("value")).isEqualTo("ada@example.org");
        MimeMessage[] received = withSmtp.smtp().getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Test mail from Test Clinic");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
        assertThat(server.site().outbox.waiting()).as("not through the outbox").isZero();
    }

    @Test
    void aWrongPortOrPasswordIsReportedInWords() throws Exception {
        start(TestDatabase.SQLITE);
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        save(settings(closed, SMTP_PASSWORD));
        Document refused = Jsoup.parse(admin.post("/admin/mail/settings/test/",
                Map.of("_csrf", token(), "testTo", "ada@example.org")).body());
        assertThat(refused.select("#test-answer[role=alert]").text())
                .startsWith("Not sent.")
                .contains("Cannot connect to 127.0.0.1:" + closed + ": nothing answers there (the connection was refused)")
                .contains("Check the SMTP server's name and port");

        save(settings(withSmtp.port(), "not-the-password"));
        Document denied = Jsoup.parse(admin.post("/admin/mail/settings/test/",
                Map.of("_csrf", token(), "testTo", "ada@example.org")).body());
        assertThat(denied.select("#test-answer[role=alert]").text())
                .contains("Authentication failed: 127.0.0.1:" + withSmtp.port() + " refused the user name and password");
        assertThat(withSmtp.smtp().getReceivedMessages()).isEmpty();
    }

    @Test
    void aSecurityThatDoesNotMatchTheServerIsReportedAsATlsFailure() {
        start(TestDatabase.SQLITE);
        Map<String, String> implicit = settings(withSmtp.port(), SMTP_PASSWORD);
        implicit.put("tls", "ssl");
        save(implicit);
        Document ssl = Jsoup.parse(admin.post("/admin/mail/settings/test/", Map.of("_csrf", token(), "testTo", "ada@example.org")).body());
        assertThat(ssl.select("#test-answer[role=alert]").text()).contains("TLS failure with 127.0.0.1:" + withSmtp.port());

        Map<String, String> upgrade = settings(withSmtp.port(), SMTP_PASSWORD);
        upgrade.put("tls", "starttls");
        save(upgrade);
        Document starttls = Jsoup.parse(admin.post("/admin/mail/settings/test/", Map.of("_csrf", token(), "testTo", "ada@example.org")).body());
        assertThat(starttls.select("#test-answer[role=alert]").text()).contains("TLS failure");
        assertThat(withSmtp.smtp().getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedChangeListsEveryProblemKeepsWhatWasTypedAndSavesNothing() {
        start(TestDatabase.SQLITE);
        Map<String, String> typed = settings(withSmtp.port(), SMTP_PASSWORD);
        typed.put("host", "http://smtp.example.org");
        typed.put("port", "eighty");
        typed.put("fromAddress", "clinic at example");
        typed.put("contactTo", "desk@");

        HttpResponse<String> refused = save(typed);

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".form-error li a").eachAttr("href")).containsExactly("#host", "#port", "#fromAddress", "#contactTo");
        assertThat(page.selectFirst("#host-error").text()).contains("host name such as smtp.example.org");
        assertThat(page.selectFirst("#port-error").text()).contains("whole number from 1 to 65535");
        assertThat(page.selectFirst("#host").attr("value")).isEqualTo("http://smtp.example.org");
        assertThat(page.selectFirst("#port").attr("value")).isEqualTo("eighty");
        assertThat(page.selectFirst("#user").attr("value")).isEqualTo(SMTP_USER);
        assertThat(page.selectFirst("#password").attr("value")).as("never shown back").isEmpty();
        assertThat(page.selectFirst("#host").attr("aria-invalid")).isEqualTo("true");
        int stored = server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM site_settings WHERE name LIKE 'smtp.%' OR name IN ('mail.from', 'contact.to')")
                .mapTo(Integer.class).one());
        assertThat(stored).as("nothing half-saved").isZero();
    }

    @Test
    void settingsFromTheEnvironmentAndTheFileWinAndTheirFieldsAreReadOnly() throws Exception {
        Path data = folder.resolve("configured");
        Files.createDirectories(data);
        Files.writeString(data.resolve("vertebra.properties"), "mail.from=Spine Desk <desk@clinic.test>\n");
        withSmtp = ServerWithSmtp.start(TestDatabase.SQLITE, folder, clock, port -> fromTheEnvironmentAndFile(data, port));
        assertThat(fromTheEnvironmentAndFile(data, withSmtp.port()).fixedBy())
                .containsOnlyKeys("smtp.host", "smtp.port", "smtp.tls", "mail.from");
        server = withSmtp.server();
        signInAsAdmin();

        Document page = admin.page("/admin/mail/settings/");
        assertThat(page.select("input[name=host], input[name=port], input[name=tls], input[name=fromAddress]")).isEmpty();
        assertThat(page.select("#host.fixed-setting").text()).contains("127.0.0.1").contains("the environment variable VERTEBRA_SMTP_HOST");
        assertThat(page.select("#port.fixed-setting").text()).contains("the environment variable VERTEBRA_SMTP_PORT");
        assertThat(page.select("#fromAddress.fixed-setting").text()).contains("Spine Desk <desk@clinic.test>")
                .contains("mail.from in vertebra.properties");
        assertThat(page.select("input[name=user]")).hasSize(1);

        Map<String, String> typed = settings(1, "");
        typed.put("host", "smtp.elsewhere.example");
        typed.put("user", "");
        assertThat(save(typed).statusCode()).isEqualTo(303);
        assertThat(server.site().mail.current().host()).isEqualTo("127.0.0.1");
        assertThat(server.site().mail.current().port()).isEqualTo(withSmtp.port());
        assertThat(server.site().mail.current().from()).isEqualTo("Spine Desk <desk@clinic.test>");
        int stored = server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM site_settings WHERE name IN ('smtp.host', 'withSmtp.port()', 'mail.from')").mapTo(Integer.class).one());
        assertThat(stored).isZero();
        Document tested = Jsoup.parse(admin.post("/admin/mail/settings/test/", Map.of("_csrf", token(), "testTo", "ada@example.org")).body());
        assertThat(tested.select("#test-answer").text()).startsWith("Delivered:");
        assertThat(withSmtp.smtp().getReceivedMessages()[0].getFrom()[0].toString()).isEqualTo("Spine Desk <desk@clinic.test>");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDashboardWarnsWhileMailWaitsWithNoSmtpServerAndWhenItFails(TestDatabase kind) {
        start(kind);
        assertThat(admin.page("/admin/").select("#warnings")).as("nothing waits").isEmpty();
        server.site().outbox.enqueue(OutgoingMail.plain("contact", "desk@example.org", "Hello", "Hi"));
        server.site().outbox.enqueue(OutgoingMail.plain("contact", "desk@example.org", "Hello again", "Hi"));

        Document dashboard = admin.page("/admin/");
        assertThat(dashboard.select("section.warning#warnings h2").text()).contains("Warning");
        assertThat(dashboard.select("#warnings a").text())
                .isEqualTo("2 mails are waiting and none can be sent: no SMTP server is set. Set one in the mail settings.");
        assertThat(dashboard.select("#warnings a").attr("href")).isEqualTo("/admin/mail/settings/");

        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        save(settings(closed, ""));
        server.server().mailSender().sendDue();
        assertThat(admin.page("/admin/").select("#warnings a").text())
                .isEqualTo("1 mail failed to send and is being tried again: see why in the outbox.");

        save(settings(withSmtp.port(), SMTP_PASSWORD));
        server.server().mailSender().makeAllDue();
        server.server().mailSender().sendDue();
        assertThat(withSmtp.smtp().getReceivedMessages()).hasSize(2);
        assertThat(admin.page("/admin/").select("#warnings")).isEmpty();
    }

    @Test
    void contactFormMessagesGoAtOnceToTheRecipientSetInTheAdmin() {
        start(TestDatabase.SQLITE);
        Map<String, String> typed = settings(withSmtp.port(), SMTP_PASSWORD);
        typed.put("contactTo", "desk@clinic.test");
        assertThat(save(typed).statusCode()).isEqualTo(303);

        WebClient reader = new WebClient(server);
        HttpResponse<String> sent = reader.post("/contact/", org.vertebra.support.PublicForm.fields(reader, "/contact/", clock,
                "topic", "consultation", "name", "Ada Reader", "email", "ada@example.org", "message", "When can I book?"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(org.vertebra.support.MailOutbox.ofKind(server.site(), "contact"))
                .extracting(org.vertebra.support.MailOutbox.Mail::recipient).containsExactly("desk@clinic.test");
        assertThat(admin.page("/admin/mail/settings/").selectFirst("#contactTo").attr("value")).isEqualTo("desk@clinic.test");
    }

    @Test
    void onlyAdministratorsOpenOrChangeTheMailSettings() {
        start(TestDatabase.SQLITE);
        server.site().accounts.addUser("editor@example.org", "Ed Editor", AccountRole.EDITOR, PASSWORD);
        WebClient editor = new WebClient(server).signIn("editor@example.org", PASSWORD);
        assertThat(editor.get("/admin/mail/settings/").statusCode()).isEqualTo(403);
        Map<String, String> typed = settings(withSmtp.port(), SMTP_PASSWORD);
        typed.put("_csrf", editor.csrfToken("/admin/account/"));
        assertThat(editor.post("/admin/mail/settings/", typed).statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/mail/settings/test/", Map.of("_csrf", editor.csrfToken("/admin/account/"),
                "testTo", "ada@example.org")).statusCode()).isEqualTo(403);
        assertThat(editor.page("/admin/").select("#warnings")).isEmpty();
        assertThat(server.site().mail.current().configured()).isFalse();
    }

    private Map<String, String> settings(int port, String password) {
        Map<String, String> form = new HashMap<>();
        form.put("host", "127.0.0.1");
        form.put("port", Integer.toString(port));
        form.put("tls", "none");
        form.put("user", SMTP_USER);
        form.put("password", password);
        form.put("fromName", "Test Clinic");
        form.put("fromAddress", "clinic@vertebra.test");
        form.put("contactTo", "");
        return form;
    }

    private HttpResponse<String> save(Map<String, String> typed) {
        Map<String, String> form = new HashMap<>(typed);
        form.putIfAbsent("_csrf", token());
        return admin.post("/admin/mail/settings/", form);
    }

    private String token() {
        return admin.csrfToken("/admin/mail/settings/");
    }
}
