package org.vertebra.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.support.ServerWithSmtp.isTo;
import static org.vertebra.support.ServerWithSmtp.subject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.audit.AuditEntry;
import org.vertebra.audit.AuditFilter;
import org.vertebra.consult.BookingCommand;
import org.vertebra.content.KeyPoints;
import org.vertebra.support.DoctorWithSmtp;
import org.vertebra.support.MailOutbox;
import org.vertebra.support.PublicForm;
import org.vertebra.support.TestDoctor;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/**
 * Prescribed reading over HTTP, with the patient's mail delivered by a real SMTP server
 * (GreenMail): a doctor sends a list from a consultation and an administrator from the admin; the
 * mailed link opens the private list, whose first opening is noted once; a changed link answers
 * 403, an expired or deleted one 410; the patient deletes it after a second question; the data
 * download holds it and erasure removes it; sending, deleting and purging are on the audit log.
 */
class ReadingListTest {

    private static final String PASSWORD = "a long enough password";
    private static final String ADMIN = "ada@clinic.example";
    private static final String PATIENT = "priya@example.org";
    private static final String NOTE = "Read the first one before our next appointment.\n\nThe exercises help most if done daily.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @AutoClose
    private DoctorWithSmtp clinic;
    private TestServer server;
    private TestClock clock;
    private Site site;
    private Article knee;
    private Article hip;
    private long consultation;

    private void start(TestDatabase kind) {
        clinic = DoctorWithSmtp.start(kind, temp);
        server = clinic.server();
        clock = clinic.clock();
        site = clinic.site();
        site.accounts.addUser(ADMIN, "Ada Admin", AccountRole.ADMIN, PASSWORD);
        consultation = site.consult.bookings().book(new BookingCommand(clinic.doctor().slug(), "2026-03-04T10:00:00Z", "Europe/London", "Priya Shah",
                PATIENT, "+44 20 7946 0000", "42", "Aching left knee when climbing stairs", "3 weeks", List.of(), true, true))
                .booking().id();
        knee = publish("knee-pain", "Knee Pain on Stairs", "Why stairs hurt a sore knee, and what helps.",
                new KeyPoints(List.of("Most knee pain on stairs settles with exercise."), List.of("Do the thigh exercises daily.")));
        hip = publish("hip-arthritis", "Hip Arthritis", "What hip arthritis is and how it is treated.",
                new KeyPoints(List.of("Walking is good for an arthritic hip."), List.of()));
    }

    private Article publish(String slug, String title, String summary, KeyPoints points) {
        return site.articleWriter.save(new ArticleDraft(Article.POST, slug, title, summary, "Some text about " + title + ".", null, null,
                Article.PUBLISHED, clock.instant().minus(Duration.ofDays(2)), null, null, null, "None.", false, List.of(),
                points)).article();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDoctorSendsAListFromAConsultationAndThePatientOpensItFromTheMail(TestDatabase kind) throws Exception {
        start(kind);
        WebClient doctor = new WebClient(server).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        Document detail = doctor.page("/admin/consult/" + consultation + "/");
        String sendUrl = detail.select("a:contains(Send a reading list)").attr("href");
        assertThat(sendUrl).isEqualTo("/admin/reading/send/?consultation=" + consultation);
        Document form = doctor.page(sendUrl);
        assertThat(form.select("input[name=email]").val()).as("filled in from the consultation").isEqualTo(PATIENT);
        assertThat(form.select("input[name=article]")).extracting(e -> e.attr("value"))
                .containsExactly(Long.toString(hip.id()), Long.toString(knee.id()));

        HttpResponse<String> sent = doctor.post("/admin/reading/send/", send(form, PATIENT, NOTE, knee, hip));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);

        MimeMessage mail = delivered(PATIENT);
        assertThat(mail.getSubject()).isEqualTo("Your reading list from Test Clinic");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("Dr Asha Raman at Test Clinic has chosen some articles for you to read.")
                .as("the mail names neither the condition nor the note").doesNotContain("Knee", "Hip", "exercises");
        String link = link(body);

        WebClient patient = new WebClient(server);
        HttpResponse<String> opened = patient.get(link);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().allValues("Set-Cookie")).as("no cookie").isEmpty();
        assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(opened.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(opened.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).startsWith("default-src 'none';").doesNotContain("http"));
        assertThat(opened.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        Document page = Jsoup.parse(opened.body());
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex, nofollow");
        assertThat(page.select("h1").text()).isEqualTo("Your reading list");
        assertThat(page.select(".reading-note p").eachText()).containsExactly(
                "Read the first one before our next appointment.", "The exercises help most if done daily.");
        assertThat(page.select(".reading-article h3").eachText()).as("the doctor's order").containsExactly(
                "Knee Pain on Stairs", "Hip Arthritis");
        Element first = page.selectFirst(".reading-article");
        assertThat(first.select(".reading-summary").text()).isEqualTo("Why stairs hurt a sore knee, and what helps.");
        assertThat(first.select(".key-points:not(.key-actions) h4").text()).isEqualTo("Key points");
        assertThat(first.select(".key-points:not(.key-actions) li").text()).isEqualTo("Most knee pain on stairs settles with exercise.");
        assertThat(first.select(".key-actions h4").text()).isEqualTo("What you can do");
        assertThat(first.select(".key-actions li").text()).isEqualTo("Do the thigh exercises daily.");
        assertThat(first.select(".reading-handout a").attr("href")).isEqualTo("/knee-pain/handout.pdf");
        assertThat(page.select(".reading-meta").text()).contains("Dr Asha Raman", "31 May 2026");
        for (Element e : page.select("[src], [href], [action]")) {
            String target = e.hasAttr("src") ? e.attr("src") : e.hasAttr("href") ? e.attr("href") : e.attr("action");
            assertThat(target).as("nothing from another host").matches("(/|#).*");
        }
        assertThat(server.get(first.select(".reading-handout a").attr("href")).statusCode()).isEqualTo(200);

        // The doctor sees when it was first opened, and nothing more; a second opening changes nothing.
        Element row = doctor.page("/admin/reading/").selectFirst("table.reading-lists tbody tr");
        assertThat(row.text()).contains("p***@example.org", "2 Mar 2026, 06:00 UTC", "31 May 2026").doesNotContain(PATIENT);
        String firstOpened = row.select("td").get(2).text();
        assertThat(firstOpened).isEqualTo("2 Mar 2026, 06:00 UTC");
        clock.advance(Duration.ofMinutes(5));
        assertThat(patient.get(link).statusCode()).isEqualTo(200);
        assertThat(doctor.page("/admin/reading/").selectFirst("table.reading-lists tbody tr").select("td").get(2).text())
                .isEqualTo(firstOpened);

        // A changed link opens nothing.
        assertThat(patient.get(changed(link, "s")).statusCode()).isEqualTo(403);
        assertThat(patient.get(changed(link, "k")).statusCode()).isEqualTo(403);
        HttpResponse<String> noId = patient.get(link.replaceFirst("r=\\d+", "r=999"));
        assertThat(noId.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(noId.body()).select("h1").text()).isEqualTo("This link is not valid");

        // At rest, neither the address nor the note is in plain text.
        Map<String, Object> stored = site.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT email_sealed, note_sealed, email_hash, booking_id FROM reading_lists").mapToMap().one());
        assertThat(stored.get("email_sealed").toString()).startsWith("v1.").doesNotContain("priya");
        assertThat(stored.get("note_sealed").toString()).startsWith("v1.").doesNotContain("appointment");
        assertThat(stored.get("email_hash").toString()).doesNotContain("priya");
        assertThat(((Number) stored.get("booking_id")).longValue()).isEqualTo(consultation);

        assertThat(audit("reading-list-sent")).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("Dr Asha Raman");
            assertThat(e.detail()).isEqualTo("2 articles, from consultation " + consultation).doesNotContain("priya");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSendFormAnswers422WithWhatWasWrongAndKeepsWhatWasTyped(TestDatabase kind) throws Exception {
        start(kind);
        WebClient doctor = new WebClient(server).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        Document form = doctor.page("/admin/reading/send/");
        String longNote = "x".repeat(ReadingCommand.NOTE_MAX + 1);

        HttpResponse<String> refused = doctor.post("/admin/reading/send/", send(form, "not an address", longNote));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select(".form-error li").eachText()).containsExactly(
                "Choose at least one article for the patient to read.",
                "The note is too long: at most 1000 characters (it has 1001).",
                "The patient's email address does not look like an email address: it needs a name, an @ and a domain, such as name@example.org.");
        assertThat(again.select("input[name=email]").val()).isEqualTo("not an address");
        assertThat(again.select("textarea[name=note]").text()).isEqualTo(longNote);

        HttpResponse<String> good = doctor.post("/admin/reading/send/", send(form, PATIENT, "Hello", knee));
        assertThat(good.statusCode()).isEqualTo(303);
        List<String> sixteen = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(Long.toString(publish("extra-" + i, "Extra " + i, "Summary.", KeyPoints.NONE).id()));
        }
        HttpResponse<String> refusedMany = doctor.post("/admin/reading/send/", send(form, PATIENT, "Keep this note", sixteen));
        assertThat(refusedMany.statusCode()).isEqualTo(422);
        Document kept = Jsoup.parse(refusedMany.body());
        assertThat(kept.select(".form-error li").eachText()).containsExactly(
                "Choose at most 15 articles (16 are ticked): a short list is more likely to be read.");
        assertThat(kept.select("input[name=article][checked]")).hasSize(16);
        assertThat(kept.select("textarea[name=note]").text()).isEqualTo("Keep this note");
        assertThat(site.reading.lists(null)).as("only the one good list").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAdministratorSendsFromTheAdminAndSeesEveryListWhileADoctorSeesAndDeletesOnlyTheirs(TestDatabase kind) throws Exception {
        start(kind);
        WebClient doctor = new WebClient(server).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        WebClient admin = new WebClient(server).signIn(ADMIN, PASSWORD);
        assertThat(admin.page("/admin/").select("nav.admin-nav a[href='/admin/reading/']").text()).isEqualTo("Reading lists");
        assertThat(doctor.post("/admin/reading/send/", send(doctor.page("/admin/reading/send/"), PATIENT, "", knee))
                .statusCode()).isEqualTo(303);
        Document form = admin.page("/admin/reading/send/");
        assertThat(form.select("input[name=email]").val()).isEmpty();
        assertThat(admin.post("/admin/reading/send/", send(form, "Sam@Example.org", "From the clinic.", hip)).statusCode())
                .isEqualTo(303);
        assertThat(GreenMailUtil.getBody(delivered("sam@example.org"))).contains("Ada Admin at Test Clinic");

        Document everyone = admin.page("/admin/reading/");
        assertThat(everyone.select("table.reading-lists tbody tr")).hasSize(2);
        assertThat(everyone.select("table.reading-lists tbody tr").eachText()).anySatisfy(t ->
                assertThat(t).contains("s***@example.org", "Ada Admin", "not opened yet"));
        Document own = doctor.page("/admin/reading/");
        assertThat(own.select("table.reading-lists tbody tr")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("p***@example.org").doesNotContain("Ada Admin"));

        long adminsList = site.reading.lists(null).stream().filter(s -> s.sentBy().equals("Ada Admin")).findFirst().orElseThrow().id();
        long doctorsList = site.reading.lists(null).stream().filter(s -> s.sentBy().equals("Dr Asha Raman")).findFirst().orElseThrow().id();
        assertThat(doctor.get("/admin/reading/" + adminsList + "/delete/").statusCode()).isEqualTo(403);
        Document form403 = doctor.page("/admin/reading/");
        assertThat(doctor.post("/admin/reading/" + adminsList + "/delete/", Map.of("_csrf", form403.select("input[name=_csrf]").val()))
                .statusCode()).isEqualTo(403);
        assertThat(site.reading.list(adminsList)).as("another's list stays").isPresent();
        Document ask = admin.page("/admin/reading/" + doctorsList + "/delete/");
        assertThat(site.reading.list(doctorsList)).as("asking deletes nothing").isPresent();
        HttpResponse<String> deleted = admin.post("/admin/reading/" + doctorsList + "/delete/",
                Map.of("_csrf", ask.select("input[name=_csrf]").val()));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(site.reading.list(doctorsList)).isEmpty();
        String link = link(MailOutbox.ofKind(site, ReadingService.MAIL).get(0).text());
        assertThat(new WebClient(server).get(link).statusCode()).isEqualTo(410);
        assertThat(audit("reading-list-deleted")).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("Ada Admin");
            assertThat(e.detail()).isEqualTo("by the clinic");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void thePatientDeletesTheListAfterASecondQuestionAndTheLinkThenAnswers410(TestDatabase kind) throws Exception {
        start(kind);
        String link = sendAsDoctor(PATIENT);
        WebClient patient = new WebClient(server);
        Document page = patient.page(link);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : page.select("form[action='/reading/delete/'] input[type=hidden]")) {
            fields.put(input.attr("name"), input.val());
        }
        Map<String, String> forged = new LinkedHashMap<>(fields);
        forged.put("_csrf", "x".repeat(43));
        assertThat(patient.post("/reading/delete/", forged).statusCode()).as("without the page's token").isEqualTo(403);
        forged.put("_csrf", fields.get("_csrf"));
        forged.put("k", fields.get("k").substring(1) + "A");
        assertThat(patient.post("/reading/delete/", forged).statusCode()).as("another list's token").isEqualTo(403);

        // The page sends no referrer, so a browser's form says Origin: null; the link's token is what counts.
        HttpResponse<String> asked = patient.post("/reading/delete/", fields, Map.of("Origin", "null"));
        assertThat(asked.statusCode()).isEqualTo(200);
        Document question = Jsoup.parse(asked.body());
        assertThat(question.select("h1").text()).isEqualTo("Delete your reading list?");
        assertThat(site.reading.lists(null)).as("asking deletes nothing").hasSize(1);
        Map<String, String> confirmed = new LinkedHashMap<>();
        for (Element input : question.select("form.reading-delete input[type=hidden]")) {
            confirmed.put(input.attr("name"), input.val());
        }
        assertThat(confirmed).containsEntry("confirm", "yes");
        HttpResponse<String> done = patient.post("/reading/delete/", confirmed);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).select("h1").text()).isEqualTo("Your reading list is deleted");
        assertThat(done.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(site.reading.lists(null)).isEmpty();
        int articleRows = site.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reading_list_articles")
                .mapTo(Integer.class).one());
        assertThat(articleRows).isZero();

        HttpResponse<String> gone = patient.get(link);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(gone.body()).select("h1").text()).isEqualTo("This reading list is no longer here");
        assertThat(patient.post("/reading/delete/", confirmed).statusCode()).isEqualTo(410);
        assertThat(audit("reading-list-deleted")).singleElement().satisfies(e -> {
            assertThat(e.actorName()).isEqualTo("anonymous");
            assertThat(e.detail()).isEqualTo("by the patient");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aListExpiresAfterTheSetDaysAnswers410WithAKindPageAndIsPurged(TestDatabase kind) throws Exception {
        start(kind);
        WebClient admin = new WebClient(server).signIn(ADMIN, PASSWORD);
        Document settings = admin.page("/admin/settings/");
        assertThat(settings.select("input[name=reading-expiry]").val()).isEqualTo("90");
        String csrf = settings.select("input[name=_csrf]").val();
        for (String wrong : List.of("0", "366", "soon")) {
            HttpResponse<String> refused = admin.post("/admin/settings/reading/", Map.of("_csrf", csrf, "reading-expiry", wrong));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(Jsoup.parse(refused.body()).select("input[name=reading-expiry]").val()).isEqualTo(wrong);
            assertThat(Jsoup.parse(refused.body()).select("#reading-expiry-error").text())
                    .isEqualTo("Enter the days a reading list's link works as a whole number from 1 to 365.");
        }
        assertThat(admin.post("/admin/settings/reading/", Map.of("_csrf", csrf, "reading-expiry", "2")).statusCode()).isEqualTo(303);
        assertThat(admin.page("/admin/settings/").select("input[name=reading-expiry]").val()).isEqualTo("2");

        String link = sendAsDoctor(PATIENT);
        WebClient patient = new WebClient(server);
        assertThat(patient.page(link).select(".reading-meta").text()).contains("4 March 2026");
        clock.advance(Duration.ofDays(2).minusMinutes(1));
        assertThat(patient.get(link).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> expired = patient.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        Document kind410 = Jsoup.parse(expired.body());
        assertThat(kind410.select("h1").text()).isEqualTo("This reading list has expired");
        assertThat(kind410.select("main").text()).contains("Please ask the practice to send you a new one.");

        assertThat(site.reading.purgeExpired()).isEqualTo(1);
        assertThat(site.reading.purgeExpired()).isZero();
        assertThat(site.reading.lists(null)).isEmpty();
        assertThat(patient.get(link).statusCode()).isEqualTo(410);
        assertThat(audit("reading-list-purged")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("1 expired list"));
        // Sessions end when the hours pass: the administrator signs in again to see the lists.
        assertThat(new WebClient(server).signIn(ADMIN, PASSWORD).page("/admin/reading/").text())
                .contains("No reading lists have been sent.");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDataDownloadHoldsThePatientsListsAndErasureRemovesThem(TestDatabase kind) throws Exception {
        start(kind);
        String link = sendAsDoctor(PATIENT);
        sendAsDoctor("someone.else@example.org");

        WebClient person = new WebClient(server);
        person.post("/privacy/my-data/", PublicForm.fields(person, "/privacy/my-data/", clock, "email", "PRIYA@example.org"));
        String privacyLink = MailOutbox.ofKind(site, "privacy-request").get(0).link(site.settings.baseUrl() + "/privacy/my-data/")
                .substring(site.settings.baseUrl().length());
        Document page = person.page(privacyLink);
        assertThat(page.select(".held-list li").eachText()).contains("reading lists: 1");
        String token = page.selectFirst("input[name=token]").attr("value");
        String base = privacyLink.substring(0, privacyLink.indexOf('?'));
        JsonNode data = JSON.readTree(person.post(base + "export/", Map.of("token", token)).body()).path("data");
        JsonNode list = data.path("reading_lists").get(0);
        assertThat(list.path("note").asText()).isEqualTo(NOTE);
        assertThat(list.path("sent_by").asText()).isEqualTo("Dr Asha Raman");
        assertThat(list.path("articles").get(0).path("title").asText()).isEqualTo("Knee Pain on Stairs");
        assertThat(list.path("articles").get(0).path("url").asText()).isEqualTo("http://vertebra.test/knee-pain/");
        assertThat(data.path("reading_lists")).hasSize(1);

        assertThat(person.post(base + "erase/", Map.of("token", token, "confirm", "yes")).statusCode()).isEqualTo(200);
        assertThat(site.reading.export(PATIENT)).isEmpty();
        assertThat(site.reading.lists(null)).singleElement().satisfies(s -> assertThat(s.patient()).isEqualTo("s***@example.org"));
        assertThat(new WebClient(server).get(link).statusCode()).isEqualTo(410);
    }

    @org.junit.jupiter.api.Test
    void thePatientsPagesAndTheSendFormAreValidHtml() throws Exception {
        start(TestDatabase.SQLITE);
        String link = sendAsDoctor(PATIENT);
        WebClient doctor = new WebClient(server).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        WebClient patient = new WebClient(server);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("send", doctor.get("/admin/reading/send/?consultation=" + consultation).body());
        pages.put("refused", doctor.post("/admin/reading/send/", send(doctor.page("/admin/reading/send/"), "x", NOTE)).body());
        pages.put("lists", doctor.get("/admin/reading/").body());
        Document list = patient.page(link);
        pages.put("list", list.outerHtml());
        Map<String, String> fields = new LinkedHashMap<>();
        list.select("form[action='/reading/delete/'] input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
        pages.put("question", patient.post("/reading/delete/", fields).body());
        pages.put("changed", patient.get(changed(link, "s")).body());
        List<Path> files = new java.util.ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            files.add(java.nio.file.Files.writeString(temp.resolve("reading-" + page.getKey() + ".html"), page.getValue()));
        }
        List<String> errors = org.vertebra.support.NuHtmlChecker.errors(files);
        assertThat(errors).as("the W3C Nu checker's errors:\n" + String.join("\n", errors)).isEmpty();
    }

    // --- helpers

    /** The doctor sends the knee and hip articles with the note; returns the link's path from the outbox. */
    private String sendAsDoctor(String email) {
        WebClient doctor = new WebClient(server).signIn(TestDoctor.EMAIL, TestDoctor.PASSWORD);
        HttpResponse<String> sent = doctor.post("/admin/reading/send/", send(doctor.page("/admin/reading/send/"), email, NOTE, knee, hip));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        List<MailOutbox.Mail> mails = MailOutbox.ofKind(site, ReadingService.MAIL);
        return link(mails.get(mails.size() - 1).text());
    }

    /** The send form's fields: the page's token and consultation, the address, the note and a ticked box for each article. */
    private static List<Map.Entry<String, String>> send(Document form, String email, String note, Article... articles) {
        return send(form, email, note, Arrays.stream(articles).map(a -> Long.toString(a.id())).toList());
    }

    private static List<Map.Entry<String, String>> send(Document form, String email, String note, List<String> articleIds) {
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        fields.add(Map.entry("_csrf", form.select("input[name=_csrf]").val()));
        fields.add(Map.entry("email", email));
        fields.add(Map.entry("note", note));
        String consultation = form.select("input[name=consultation]").val();
        if (!consultation.isEmpty()) {
            fields.add(Map.entry("consultation", consultation));
        }
        articleIds.forEach(id -> fields.add(Map.entry("article", id)));
        return fields;
    }

    /** The reading list's link in a mail's text, as a path. */
    private static String link(String text) {
        Matcher m = Pattern.compile("http://vertebra\\.test(/reading/\\?\\S+)").matcher(text.replace("=\r\n", "").replace("\r", ""));
        if (!m.find()) {
            throw new AssertionError("no reading link in:\n" + text);
        }
        return m.group(1);
    }

    /** The link with the first character of one parameter's value changed. */
    private static String changed(String link, String param) {
        Matcher m = Pattern.compile("[?&]" + param + "=([A-Za-z0-9_-])").matcher(link);
        assertThat(m.find()).isTrue();
        return link.substring(0, m.start(1)) + (m.group(1).equals("A") ? "B" : "A") + link.substring(m.end(1));
    }

    private List<AuditEntry> audit(String action) {
        return site.audit.page(AuditFilter.ALL, 200).stream().filter(e -> e.action().equals(action)).toList();
    }

    /** The reading list's mail to this address, once the outbox delivered it. */
    private MimeMessage delivered(String address) throws InterruptedException {
        return clinic.mail().first(m -> subject(m).startsWith("Your reading list") && isTo(m, address), "a reading list for " + address);
    }
}
