package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.access.AccountRole;
import org.vertebra.mail.OutgoingMail;
import org.vertebra.support.CommandRun;
import org.vertebra.support.MarkdownFiles;
import org.vertebra.support.NodeProcess;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.support.WebClient;

/**
 * Three Vertebra processes on one PostgreSQL, as behind a load balancer: what one node does, the
 * others show within a second; queued mail goes out once; a killed node's work is finished by
 * the others; a node started late catches up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTest {

    static final String PASSWORD = "a long enough password";
    static final String EDITOR = "editor@clinic.test";
    static final int MAILS = 200;
    static final int PATIENTS = 30;
    /** Every node of a site encrypts health data with one key. */
    static final String CONSULT_KEY = java.util.Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @TempDir
    static Path folder;
    static TestDatabase.Created database;
    static GreenMail smtp;
    static Map<String, String> environment;
    static Site control;
    static NodeProcess a;
    static NodeProcess b;
    static NodeProcess c;
    static final List<NodeProcess> started = new ArrayList<>();

    @BeforeAll
    static void startThreeNodes() throws Exception {
        database = TestDatabase.POSTGRES.create(folder);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        environment = Map.of(
                "VERTEBRA_SMTP_HOST", "127.0.0.1",
                "VERTEBRA_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "VERTEBRA_SMTP_TLS", "none",
                "VERTEBRA_MAIL_FROM", "Test Clinic <clinic@vertebra.test>",
                "VERTEBRA_BASE_URL", "http://clinic.test",
                "VERTEBRA_MAIL_CLAIM_SECONDS", "10",
                "VERTEBRA_CONSULT_KEY", CONSULT_KEY);
        // Started together on an empty database: one migrates it, the others wait on Flyway's lock.
        a = node("a");
        b = node("b");
        c = node("c");
        for (NodeProcess node : List.of(a, b, c)) {
            node.awaitHealthy();
        }
        Settings controlSettings = TestSite.settings(database, folder.resolve("control"));
        java.nio.file.Files.createDirectories(controlSettings.dataDir());
        java.nio.file.Files.writeString(controlSettings.dataDir().resolve("consult.key"), CONSULT_KEY);
        control = Site.open(controlSettings, Clock.systemUTC());
        control.accounts.addUser(EDITOR, "The Editor", AccountRole.EDITOR, PASSWORD);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (NodeProcess node : started) {
            node.close();
        }
        if (control != null) {
            control.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        database.drop().run();
    }

    @Test
    @Order(1)
    void aPublishThroughOneNodeShowsOnTheOthersPagesAndSearchWithinASecond() throws Exception {
        WebClient editor = new WebClient(a.uri("/")).signIn(EDITOR, PASSWORD);
        long id = publish(editor, "Heel pain on three servers", "heel-pain-cluster",
                "Demo content, not medical advice. Plantar fasciitis often eases with calf stretches.");
        Instant published = Instant.now();

        for (NodeProcess node : List.of(b, c)) {
            awaitWithin(published, Duration.ofSeconds(1), node.name() + " serves the article",
                    () -> node.get("/heel-pain-cluster/").statusCode() == 200);
            awaitWithin(published, Duration.ofSeconds(1), node.name() + " finds it by search",
                    () -> node.get("/search/?q=fasciitis").body().contains("/heel-pain-cluster/"));
        }

        HttpResponse<String> unpublished = save(editor, id, Map.of("intent", "unpublish"));
        assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(303);
        Instant takenOff = Instant.now();
        for (NodeProcess node : List.of(b, c)) {
            awaitWithin(takenOff, Duration.ofSeconds(1), node.name() + " no longer serves it",
                    () -> node.get("/heel-pain-cluster/").statusCode() == 404);
            awaitWithin(takenOff, Duration.ofSeconds(1), node.name() + " no longer finds it",
                    () -> !node.get("/search/?q=fasciitis").body().contains("/heel-pain-cluster/"));
        }
        save(editor, id, Map.of("intent", "publish"));
    }

    @Test
    @Order(1)
    void anUploadIsServedByEveryNode() throws Exception {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        var item = control.media.upload(new org.vertebra.media.MediaUpload("foot.png", png.toByteArray(), "A foot"));

        for (NodeProcess node : List.of(a, b, c)) {
            assertThat(node.get(item.url()).statusCode()).as(node.name()).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void aSessionAndSignInThrottlingHoldOnEveryNode() throws Exception {
        WebClient onA = new WebClient(a.uri("/")).signIn(EDITOR, PASSWORD);
        WebClient onB = new WebClient(b.uri("/"));
        onB.setCookie("vertebra_session", onA.cookie("vertebra_session"));
        assertThat(onB.get("/admin/").statusCode()).isEqualTo(200);

        String victim = "throttled@clinic.test";
        control.accounts.addUser(victim, "Throttled", AccountRole.AUTHOR, PASSWORD);
        for (int i = 0; i < 6; i++) {
            new WebClient((i % 2 == 0 ? a : c).uri("/")).trySignIn(victim, "wrong password " + i);
        }
        HttpResponse<String> rightPasswordOnB = new WebClient(b.uri("/")).trySignIn(victim, PASSWORD);
        assertThat(rightPasswordOnB.statusCode()).isEqualTo(429);
        assertThat(rightPasswordOnB.body()).contains("Too many failed attempts");
    }

    @Test
    @Order(1) // before the throttling test locks this address's sign-ins
    void aReadingListSentThroughOneNodeOpensAndIsDeletedOnTheOthers() throws Exception {
        control.accounts.addUser("doctor@clinic.test", "Dr Node", AccountRole.DOCTOR, PASSWORD);
        long article = control.articleWriter.save(new org.vertebra.article.ArticleDraft(org.vertebra.article.Article.POST,
                "reading-cluster", "Reading on three servers", "A summary.", "Text.", null, null,
                org.vertebra.article.Article.PUBLISHED, Instant.now().minusSeconds(60), null, null, null, "None.", false,
                List.of())).article().id();
        WebClient doctor = new WebClient(a.uri("/")).signIn("doctor@clinic.test", PASSWORD);
        HttpResponse<String> sent = doctor.post("/admin/reading/send/", List.of(
                Map.entry("_csrf", doctor.csrfToken("/admin/reading/send/")), Map.entry("email", "patient@example.org"),
                Map.entry("note", "Read this."), Map.entry("article", Long.toString(article))));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        String link = org.vertebra.support.MailOutbox.ofKind(control, org.vertebra.reading.ReadingService.MAIL).get(0)
                .link("http://clinic.test/reading/").substring("http://clinic.test".length());

        Document onB = new WebClient(b.uri("/")).page(link);
        assertThat(onB.select(".reading-article h3").text()).isEqualTo("Reading on three servers");
        WebClient patientOnC = new WebClient(c.uri("/"));
        Map<String, String> delete = new HashMap<>();
        patientOnC.page(link).select("form[action='/reading/delete/'] input[type=hidden]").forEach(i -> delete.put(i.attr("name"), i.val()));
        delete.put("confirm", "yes");
        assertThat(patientOnC.post("/reading/delete/", delete).statusCode()).isEqualTo(200);
        for (NodeProcess node : List.of(a, b)) {
            assertThat(node.get(link).statusCode()).as(node.name()).isEqualTo(410);
        }
    }

    @Test
    @Order(3)
    void thirtyPatientsRacingForOneSlotAcrossTheNodesGiveExactlyOneBooking() throws Exception {
        var doctor = control.consult.agenda().addDoctor("dr-cluster", "Dr Cluster", java.time.ZoneId.of("UTC"), 30, null, null);
        control.consult.agenda().setHours(doctor.id(), Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> new org.vertebra.consult.WeeklyHours(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)))
                .toList());
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
        String slots = a.get("/api/v1/consult/slots?doctor=dr-cluster&from=" + day + "&to=" + day + "&tz=UTC").body();
        String start = new com.fasterxml.jackson.databind.ObjectMapper().readTree(slots).get(0).get("start").asText();

        ExecutorService pool = Executors.newFixedThreadPool(PATIENTS);
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(PATIENTS);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            NodeProcess node = List.of(a, b, c).get(i % 3);
            int patient = i;
            answers.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                return book(node, start, patient);
            }));
        }
        Map<Integer, Long> statuses = new HashMap<>();
        for (var answer : answers) {
            statuses.merge(answer.get(), 1L, Long::sum);
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, 1L).containsEntry(409, (long) PATIENTS - 1);
        int active = control.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM consult_bookings WHERE cancelled_at IS NULL").mapTo(Integer.class).one());
        assertThat(active).isEqualTo(1);
    }

    /** A patient behind the load balancer (their own address), booking through the JSON API. */
    private static int book(NodeProcess node, String start, int patient) throws Exception {
        String body = """
                {"doctor": "dr-cluster", "start": "%s", "name": "Patient %d", "email": "patient%d@example.org",
                 "phone": "+44 20 7946 0%03d", "age": "40", "complaint": "Low back pain after lifting",
                 "duration": "2 weeks", "redFlags": [], "consent": true}""".formatted(start, patient, patient, patient);
        var request = java.net.http.HttpRequest.newBuilder(node.uri("/api/v1/consult/bookings"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100." + (patient + 1))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    @Order(3)
    void queuedMailIsSentByTheThreeNodesExactlyOnceEach() throws Exception {
        List<String> subjects = enqueue("first");

        awaitWithin(Instant.now(), Duration.ofSeconds(90), "every mail arrives",
                () -> subjectsReceived("first").size() == MAILS);
        Thread.sleep(1_500); // room for a repeat to show itself

        List<MimeMessage> received = messages("first");
        assertThat(received).hasSize(MAILS);
        assertThat(received.stream().map(SeveralNodesTest::messageId).collect(Collectors.toSet())).hasSize(MAILS);
        assertThat(subjectsReceived("first")).containsExactlyInAnyOrderElementsOf(subjects);
    }

    @Test
    @Order(4)
    void whenTheSendingNodeIsKilledTheOthersFinishTheQueueAndNothingIsLost() throws Exception {
        List<String> subjects = enqueue("second");
        awaitWithin(Instant.now(), Duration.ofSeconds(60), "sending has begun",
                () -> messages("second").size() >= 10);

        a.kill(); // SIGKILL, perhaps in the middle of a mail

        awaitWithin(Instant.now(), Duration.ofSeconds(90), "every mail arrives",
                () -> subjectsReceived("second").containsAll(subjects));
        List<MimeMessage> received = messages("second");
        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(SeveralNodesTest::messageId,
                Collectors.counting()));
        assertThat(copies).hasSize(MAILS);
        // Only what the killed node sent since it last marked mails sent goes twice, with the same Message-ID.
        assertThat(copies.values()).allMatch(n -> n <= 2);
        assertThat(copies.values().stream().filter(n -> n > 1).count())
                .isLessThanOrEqualTo(org.vertebra.mail.OutboxSender.MARKED_AT_ONCE);
    }

    @Test
    @Order(5)
    void aNodeStartedAfterChangesCatchesUp() throws Exception {
        WebClient editor = new WebClient(b.uri("/")).signIn(EDITOR, PASSWORD);
        publish(editor, "Knee pain written while a node was down", "knee-pain-cluster",
                "Demo content, not medical advice. Patellofemoral pain is common in runners.");

        NodeProcess late = node("d").awaitHealthy();

        assertThat(late.get("/knee-pain-cluster/").statusCode()).isEqualTo(200);
        assertThat(late.get("/heel-pain-cluster/").statusCode()).isEqualTo(200);
        assertThat(late.get("/search/?q=patellofemoral").body()).contains("/knee-pain-cluster/");
    }

    @Test
    @Order(6)
    void anImportByTheCommandLineOnTheSharedDatabaseShowsOnEveryNodeWithinASecond() throws Exception {
        Path file = MarkdownFiles.write(folder.resolve("command-line"), "hip.md", MarkdownFiles.article(
                "hip-pain-cluster", "Hip pain imported on the command line",
                "Demo content, not medical advice. Trochanteric pain often follows a change in activity.")
                .replace("summary:", "disclosure: \"The author declares no conflicts of interest.\"\nsummary:"));
        String url = database.url() + (database.url().contains("?") ? "&" : "?")
                + "user=" + database.user() + "&password=" + database.password();

        CommandRun run = CommandRun.of("import", "--data", control.settings.dataDir().toString(), "--db", url, file.toString());
        Instant imported = Instant.now();

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        for (NodeProcess node : List.of(b, c)) {
            awaitWithin(imported, Duration.ofSeconds(1), node.name() + " serves the imported article",
                    () -> node.get("/hip-pain-cluster/").statusCode() == 200);
            awaitWithin(imported, Duration.ofSeconds(1), node.name() + " finds it by search",
                    () -> node.get("/search/?q=trochanteric").body().contains("/hip-pain-cluster/"));
        }
    }

    private static NodeProcess node(String name) throws Exception {
        NodeProcess node = NodeProcess.start(name, folder, database, environment);
        started.add(node);
        return node;
    }

    private static long publish(WebClient editor, String title, String slug, String markdown) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", editor.csrfToken("/admin/articles/new/"));
        form.put("kind", "post");
        form.put("title", title);
        form.put("slug", slug);
        form.put("summary", "A demo article for the several-servers test.");
        form.put("markdown", markdown);
        form.put("categories", "Demo");
        form.put("tags", "");
        form.put("zone", "UTC");
        form.put("disclosure", "The author declares no conflicts of interest.");
        form.put("intent", "publish");
        HttpResponse<String> response = editor.post("/admin/articles/", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+)/edit/.*$", "$1"));
    }

    private static HttpResponse<String> save(WebClient editor, long id, Map<String, String> changes) {
        Document page = editor.page("/admin/articles/" + id + "/edit/");
        Map<String, String> form = new HashMap<>();
        page.selectFirst("form.editor-form").select("input[name], select[name], textarea[name]").forEach(field -> {
            String value = field.tagName().equals("textarea") ? field.wholeText()
                    : field.tagName().equals("select") ? field.select("option[selected]").val() : field.val();
            form.put(field.attr("name"), value);
        });
        form.putAll(changes);
        return editor.post("/admin/articles/" + id + "/", form);
    }

    private static List<String> enqueue(String batch) {
        List<String> subjects = new ArrayList<>();
        control.transactor.run(() -> {
            for (int i = 0; i < MAILS; i++) {
                String subject = batch + " mail " + i;
                control.outbox.enqueue(OutgoingMail.plain("test", "reader" + i + "@example.org", subject, "Body " + i));
                subjects.add(subject);
            }
        });
        return subjects;
    }

    private static List<MimeMessage> messages(String batch) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(batch + " ")).toList();
    }

    private static Set<String> subjectsReceived(String batch) {
        return messages(batch).stream().map(SeveralNodesTest::subject).collect(Collectors.toSet());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds; fails when it did not hold by {@code since + limit}. */
    private static void awaitWithin(Instant since, Duration limit, String what, Callable<Boolean> condition)
            throws Exception {
        Instant deadline = since.plus(limit);
        while (!condition.call()) {
            assertThat(Instant.now()).as(what + " within " + limit.toMillis() + " ms").isBefore(deadline);
            Thread.sleep(25);
        }
    }
}
