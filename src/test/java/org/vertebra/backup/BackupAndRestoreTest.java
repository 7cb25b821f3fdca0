package org.vertebra.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Settings;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.comment.CommentForm;
import org.vertebra.comment.CommentService;
import org.vertebra.media.MediaItem;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.TestSite;

class BackupAndRestoreTest {

    private final TestClock clock = TestClock.at("2026-05-04T08:00:00Z");

    @TempDir
    Path folder;

    /** A new folder in the test's folder, where one site keeps its files. */
    private Path site(String name) throws IOException {
        return Files.createDirectories(folder.resolve(name));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void restoredSiteServesEveryArticleCommentAndMediaFileOfTheOriginal(TestDatabase kind) throws Exception {
        Path file = folder.resolve("site.vbackup");
        List<Article> articles = new ArrayList<>();
        MediaItem image;
        byte[] imageBytes;
        int articlesWhenStarted;
        int articlesWhenDone;
        try (TestServer original = TestServer.empty(kind, site("original"), clock)) {
            for (int i = 1; i <= 3; i++) {
                articles.add(publish(original, "back-pain-" + i, "Back pain, part " + i));
            }
            comment(original, articles.get(0), "Asha", "asha@example.org", "Thank you, this helped with my sciatica.");
            comment(original, articles.get(1), "Ben", "ben@example.org", "Is swimming a good idea after a disc injury?");
            image = original.site().media.upload("spine.png", new ByteArrayInputStream(png()), "A drawing of a spine");
            book(original, "2026-05-06T10:00:00Z", "carla@example.org");
            imageBytes = original.site().media.file(image.path()).orElseThrow();

            Settings settings = original.site().settings;
            articlesWhenStarted = countArticles(original);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    publish(original, "written-during-backup-" + written.incrementAndGet(), "Written during the backup");
                }
            });
            writer.start();
            try {
                while (written.get() < 3) {
                    Thread.onSpinWait();
                }
                new SiteBackup(settings.siteLocation(), original.site().database, clock).write(file);
            } finally {
                writing.set(false);
                writer.join();
            }
            articlesWhenDone = countArticles(original);
        }

        TestDatabase.Created target = kind.create(site("restored"));
        Settings restoredSettings = TestSite.settings(target, site("restored"));
        new SiteRestore(restoredSettings.siteLocation()).restore(file);

        try (TestServer restored = TestServer.serving(TestSite.openOn(target, site("restored"), clock))) {
            for (Article article : articles) {
                Document page = restored.page("/" + article.slug() + "/");
                assertThat(page.selectFirst("h1").text()).isEqualTo(article.title());
            }
            assertThat(restored.page("/back-pain-1/").text()).contains("this helped with my sciatica");
            assertThat(restored.page("/back-pain-2/").text()).contains("swimming a good idea");
            assertThat(bytes(restored, image.url())).isEqualTo(imageBytes);
            // The booking, and its encrypted intake readable with the key the backup carried.
            assertThat(restored.site().consult.jobs().export("carla@example.org")).singleElement()
                    .satisfies(b -> assertThat(b.intake().complaint()).isEqualTo("Stiff neck every morning"));
            assertThat(countArticles(restored)).isBetween(articlesWhenStarted, articlesWhenDone);
            // The restored database goes on numbering after its highest ids.
            Article next = publish(restored, "after-restore", "Written after the restore");
            assertThat(restored.page("/after-restore/").selectFirst("h1").text()).isEqualTo(next.title());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesATruncatedBackupBeforeWritingAnything(TestDatabase kind) throws Exception {
        Path file = backupOfSmallSite(kind);
        Path truncated = folder.resolve("truncated.vbackup");
        byte[] whole = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));

        TestDatabase.Created target = kind.create(site("restored"));
        try {
            Settings settings = TestSite.settings(target, site("restored"));
            assertThatThrownBy(() -> new SiteRestore(settings.siteLocation()).restore(truncated))
                    .isInstanceOf(DamagedBackup.class)
                    .hasMessageContaining("not a complete backup");
            assertThat(Files.exists(settings.mediaDir())).isFalse();
            if (!settings.isPostgres()) {
                assertThat(Files.exists(SqliteDump.fileOf(settings.dbUrl()))).isFalse();
            }
        } finally {
            target.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesABackupWhoseContentWasAltered(TestDatabase kind) throws Exception {
        Path file = backupOfSmallSite(kind);
        Path altered = folder.resolve("altered.vbackup");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x5a;
        Files.write(altered, bytes);

        TestDatabase.Created target = kind.create(site("restored"));
        try {
            Settings settings = TestSite.settings(target, site("restored"));
            assertThatThrownBy(() -> new SiteRestore(settings.siteLocation()).restore(altered))
                    .isInstanceOf(DamagedBackup.class)
                    .hasMessageContaining("damaged");
            assertThat(Files.exists(settings.mediaDir())).isFalse();
        } finally {
            target.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToRestoreOverASiteAndLeavesItAsItWas(TestDatabase kind) throws Exception {
        Path file = backupOfSmallSite(kind);
        try (TestServer other = TestServer.empty(kind, site("other"), clock)) {
            publish(other, "knee-pain", "Knee pain on stairs");
            Settings settings = other.site().settings;
            assertThatThrownBy(() -> new SiteRestore(settings.siteLocation()).restore(file))
                    .isInstanceOf(RestoreRefused.class)
                    .hasMessageContaining("only writes into an empty site")
                    .hasMessageContaining("Nothing was changed");
            assertThat(other.get("/knee-pain/").statusCode()).isEqualTo(200);
            assertThat(other.get("/back-pain-1/").statusCode()).isEqualTo(404);
        }
    }

    private Path backupOfSmallSite(TestDatabase kind) throws Exception {
        Path file = folder.resolve("small.vbackup");
        try (TestServer site = TestServer.empty(kind, site("small"), clock)) {
            publish(site, "back-pain-1", "Back pain, part 1");
            site.site().media.upload("spine.png", new ByteArrayInputStream(png()), "A drawing of a spine");
            new SiteBackup(site.site().settings.siteLocation(), site.site().database, clock).write(file);
        }
        return file;
    }

    private Article publish(TestServer server, String slug, String title) {
        return server.site().articleWriter.save(new ArticleDraft(Article.POST, slug, title, "About " + title + ".",
                "Some demo text about " + title + ". Demo content, not medical advice.", null, null, Article.PUBLISHED,
                clock.instant().minus(Duration.ofDays(1)), null, null, null, null, false, List.of())).article();
    }

    private static void book(TestServer server, String start, String email) {
        var consult = server.site().consult;
        var doctor = consult.agenda().addDoctor("dr-backup", "Dr Backup", java.time.ZoneId.of("UTC"), 30, null, null);
        consult.agenda().setHours(doctor.id(), java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> new org.vertebra.consult.WeeklyHours(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0)))
                .toList());
        consult.bookings().book(new org.vertebra.consult.BookingCommand("dr-backup", start,
                "UTC", "Carla", email, "+44 20 7946 0001", "50", "Stiff neck every morning", "2 months", List.of(), true, true));
    }

    private void comment(TestServer server, Article article, String name, String email, String body) {
        CommentService comments = server.site().comments;
        String ticket = server.site().formGuard.ticket();
        clock.advance(Duration.ofSeconds(30));
        long id = comments.submit(article, new CommentForm(name, email, body, false, "", ticket, ""),
                "192.0.2." + name.length()).id();
        comments.approve(id);
    }

    private static int countArticles(TestServer server) {
        return server.site().database.jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one());
    }

    private static byte[] bytes(TestServer server, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 120);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
