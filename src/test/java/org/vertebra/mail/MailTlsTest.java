package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.ConfigurationException;
import org.vertebra.app.MailSettings;
import org.vertebra.app.SettingsLoader;
import org.vertebra.form.Invalid;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Mail over TLS against real SMTP servers: GreenMail's SMTPS, and GreenMail behind a STARTTLS
 * front (GreenMail 2.1.13 has no STARTTLS of its own), each with a certificate made for this run.
 * Delivered when the certificate is trusted and valid for the name; refused, with the reason in
 * the outbox and nothing sent, when it is not trusted, names another server, or when STARTTLS is
 * required and not offered; and never in the clear to another machine.
 */
class MailTlsTest {

    static final String FROM = "Test Clinic <clinic@vertebra.test>";
    static final String ADMIN_PASSWORD = "a long enough password";
    static final String SMTP_USER = "clinic";
    static final String SMTP_PASSWORD = "s3cret-smtp-Pa55";

    /** One folder for the run: GreenMail reads its SMTPS key store once per JVM. */
    private static Path certificates;
    private static TestCertificates.Issued thisMachine;
    private static TestCertificates.Issued elsewhere;

    @TempDir
    Path folder;
    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    private GreenMail smtps;
    private TestSmtp plain;
    private StartTlsFront front;
    private TestServer server;

    @BeforeAll
    static void issueCertificates() throws IOException {
        certificates = Files.createTempDirectory("vertebra-smtp-tls");
        thisMachine = TestCertificates.thisMachine(certificates);
        elsewhere = TestCertificates.elsewhere(certificates);
        System.setProperty("greenmail.tls.keystore.file", thisMachine.keyStore().toString());
        System.setProperty("greenmail.tls.keystore.password", TestCertificates.PASSWORD);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (front != null) {
            front.close();
        }
        if (plain != null) {
            plain.close();
        }
        if (smtps != null) {
            smtps.stop();
        }
    }

    @Test
    void deliversOverStartTlsWhenTheServersCertificateIsTrusted() throws Exception {
        plain = TestSmtp.up();
        front = new StartTlsFront(thisMachine, plain.port);

        SmtpTransport.TestAnswer answer = new SmtpTransport("127.0.0.1", front.port(), "", "", "starttls", FROM,
                thisMachine.pem().toString()).sendTest("ada@example.org", "Over STARTTLS", "Encrypted on the way.");

        assertThat(answer.delivered()).as(answer.message()).isTrue();
        assertThat(front.upgraded()).as("the session was upgraded to TLS").isEqualTo(1);
        assertThat(plain.server().getReceivedMessages()).hasSize(1);
        assertThat(plain.server().getReceivedMessages()[0].getSubject()).isEqualTo("Over STARTTLS");
    }

    @Test
    void deliversOverSmtpsWhenTheServersCertificateIsTrusted() throws Exception {
        startSmtps();

        SmtpTransport.TestAnswer answer = new SmtpTransport("127.0.0.1", smtps.getSmtps().getPort(), SMTP_USER, SMTP_PASSWORD,
                "smtps", FROM, thisMachine.pem().toString()).sendTest("ada@example.org", "Over SMTPS", "Encrypted from the first byte.");

        assertThat(answer.delivered()).as(answer.message()).isTrue();
        assertThat(smtps.getReceivedMessages()).hasSize(1);
        assertThat(smtps.getReceivedMessages()[0].getSubject()).isEqualTo("Over SMTPS");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUntrustedCertificateIsRefusedAndTheOutboxSaysWhyWithoutTheSecret(TestDatabase kind) {
        startSmtps();
        // No trusted certificate named: GreenMail's self-made one is signed by no authority the JDK trusts.
        server = TestServer.withMail(kind, folder, clock, new MailSettings("127.0.0.1", smtps.getSmtps().getPort(), SMTP_USER,
                SMTP_PASSWORD, "smtps", FROM, FROM, MailSettings.DEFAULT_CLAIM_SECONDS, Map.of(), ""));
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, ADMIN_PASSWORD);
        long id = server.site().outbox.enqueue(OutgoingMail.plain("contact", "desk@example.org", "Not over an untrusted line", "Hi"));

        assertThat(server.server().mailSender().sendDue()).isZero();

        String error = server.site().database.jdbi().withHandle(h -> h.createQuery(
                "SELECT last_error FROM mail_outbox WHERE id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(error).startsWith("TLS failure with 127.0.0.1:" + smtps.getSmtps().getPort()
                + ": the server's certificate is not trusted").doesNotContain(SMTP_PASSWORD).doesNotContain("desk@");
        assertThat(smtps.getReceivedMessages()).isEmpty();
        Document outbox = new WebClient(server).signIn("admin@example.org", ADMIN_PASSWORD).page("/admin/mail/");
        assertThat(outbox.select("table.mail-outbox tbody tr").text()).contains("the server's certificate is not trusted");
        assertThat(outbox.select(".mail-counts").text()).contains("Failing 1");
        assertThat(outbox.html()).doesNotContain(SMTP_PASSWORD);
    }

    @Test
    void anUntrustedCertificateIsRefusedOverStartTlsToo() {
        plain = TestSmtp.up();
        front = new StartTlsFront(thisMachine, plain.port);

        SmtpTransport transport = new SmtpTransport("127.0.0.1", front.port(), "", "", "starttls", FROM);

        assertThatThrownBy(transport::connect).isInstanceOf(DeliveryFailure.class)
                .hasMessageStartingWith("TLS failure with 127.0.0.1:" + front.port() + ": the server's certificate is not trusted");
        assertThat(plain.server().getReceivedMessages()).isEmpty();
    }

    @Test
    void aTrustedCertificateIssuedForAnotherNameIsRefused() {
        plain = TestSmtp.up();
        front = new StartTlsFront(elsewhere, plain.port);

        SmtpTransport.TestAnswer answer = new SmtpTransport("127.0.0.1", front.port(), "", "", "starttls", FROM,
                elsewhere.pem().toString()).sendTest("ada@example.org", "Wrong name", "Must not arrive.");

        assertThat(answer.delivered()).isFalse();
        assertThat(answer.message()).startsWith("TLS failure with 127.0.0.1:" + front.port()
                + ": the server's certificate is not valid for the name 127.0.0.1");
        assertThat(plain.server().getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatDoesNotOfferStartTlsIsRefusedRatherThanUsedInTheClear() {
        plain = TestSmtp.up();
        plain.server().setUser("clinic@vertebra.test", SMTP_USER, SMTP_PASSWORD);

        SmtpTransport.TestAnswer answer = new SmtpTransport("127.0.0.1", plain.port, SMTP_USER, SMTP_PASSWORD, "starttls", FROM)
                .sendTest("ada@example.org", "Not in the clear", "Must not arrive.");

        assertThat(answer.delivered()).isFalse();
        assertThat(answer.message()).startsWith("TLS failure: 127.0.0.1:" + plain.port + " does not offer STARTTLS")
                .doesNotContain(SMTP_PASSWORD);
        assertThat(plain.server().getReceivedMessages()).isEmpty();
    }

    @Test
    void noEncryptionIsRefusedForAnyServerButThisMachine() {
        SmtpTransport remote = new SmtpTransport("smtp.example.org", 25, SMTP_USER, SMTP_PASSWORD, "none", FROM);

        assertThatThrownBy(remote::connect).isInstanceOf(DeliveryFailure.class)
                .hasMessageContaining("only for a relay on this machine (localhost), not for smtp.example.org");
        assertThat(remote.sendTest("ada@example.org", "No", "No").message()).contains("only for a relay on this machine");
        assertThat(SmtpSettings.isThisMachine("localhost")).isTrue();
        assertThat(SmtpSettings.isThisMachine("127.0.0.1")).isTrue();
        assertThat(SmtpSettings.isThisMachine("[::1]")).isTrue();
        assertThat(SmtpSettings.isThisMachine("localhost.example.org")).isFalse();
        assertThat(SmtpSettings.isThisMachine("10.0.0.5")).isFalse();

        assertThatThrownBy(() -> MailSettingsChange.parse(form("smtp.example.org", "none", ""), "", false, Set.of(),
                new SmtpSettings("", 587, "", "", "starttls", FROM, "")))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.problems())
                        .anySatisfy(p -> assertThat(p.field() + ": " + p.message()).startsWith("tls: Security \"none\" sends mail")));
        assertThatThrownBy(() -> new SettingsLoader(Map.of("VERTEBRA_SMTP_HOST", "smtp.example.org", "VERTEBRA_SMTP_TLS", "none"))
                .load(new SettingsLoader.Overrides(null, folder.resolve("data"), null)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("smtp.tls=none sends mail and the SMTP password in the clear");
    }

    @Test
    void anAdministratorNamesTheRelaysCertificateAndTheTestMailGoesOverSmtps() {
        startSmtps();
        server = TestServer.withMail(TestDatabase.SQLITE, folder, clock, MailSettings.none());
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, ADMIN_PASSWORD);
        WebClient admin = new WebClient(server).signIn("admin@example.org", ADMIN_PASSWORD);
        Map<String, String> typed = settings(smtps.getSmtps().getPort(), "smtps", folder.resolve("missing.pem").toString());
        typed.put("_csrf", admin.csrfToken("/admin/mail/settings/"));

        Document refused = org.jsoup.Jsoup.parse(admin.post("/admin/mail/settings/", typed).body());
        assertThat(refused.select("#trustedCert-error").text()).contains("does not exist on this server");

        typed.put("trustedCert", thisMachine.pem().toString());
        assertThat(admin.post("/admin/mail/settings/", typed).statusCode()).isEqualTo(303);
        Document page = admin.page("/admin/mail/settings/");
        assertThat(page.selectFirst("#tls-smtps").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("#trustedCert").attr("value")).isEqualTo(thisMachine.pem().toString());
        assertThat(page.select("#mail-in-the-clear")).as("no warning: the mail is encrypted").isEmpty();

        Document answer = org.jsoup.Jsoup.parse(admin.post("/admin/mail/settings/test/",
                Map.of("_csrf", admin.csrfToken("/admin/mail/settings/"), "testTo", "ada@example.org")).body());
        assertThat(answer.select("#test-answer").text()).startsWith("Delivered");
        assertThat(smtps.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theSettingsPageWarnsWhileMailGoesUnencrypted() {
        plain = TestSmtp.up();
        server = TestServer.withMail(TestDatabase.SQLITE, folder, clock, MailSettings.plainSmtp("127.0.0.1", plain.port, FROM));
        server.site().accounts.addUser("admin@example.org", "Ada Admin", AccountRole.ADMIN, ADMIN_PASSWORD);

        Document page = new WebClient(server).signIn("admin@example.org", ADMIN_PASSWORD).page("/admin/mail/settings/");

        assertThat(page.select("#mail-in-the-clear.warning").text()).contains("Mail is sent unencrypted")
                .contains("only for a relay on this machine");
    }

    private void startSmtps() {
        smtps = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        smtps.start();
        smtps.setUser("clinic@vertebra.test", SMTP_USER, SMTP_PASSWORD);
    }

    private static MailSettingsForm form(String host, String tls, String trustedCert) {
        return new MailSettingsForm(host, "", "", tls, "Test Clinic", "clinic@vertebra.test", "", trustedCert);
    }

    private static Map<String, String> settings(int port, String tls, String trustedCert) {
        Map<String, String> form = new HashMap<>();
        form.put("host", "127.0.0.1");
        form.put("port", Integer.toString(port));
        form.put("tls", tls);
        form.put("user", SMTP_USER);
        form.put("password", SMTP_PASSWORD);
        form.put("fromName", "Test Clinic");
        form.put("fromAddress", "clinic@vertebra.test");
        form.put("contactTo", "");
        form.put("trustedCert", trustedCert);
        return form;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
