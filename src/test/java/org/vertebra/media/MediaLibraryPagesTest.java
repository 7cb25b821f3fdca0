package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;
import org.vertebra.support.WebClient;

/** The library page of a library of 45 images, 15 of them without alt text: pages of 40, newest first, and the filter. */
class MediaLibraryPagesTest {

    private static TestServer server;
    private static WebClient editor;
    /** The ids, newest first. */
    private static final List<Long> IDS = new ArrayList<>();
    private static final List<Long> UNDESCRIBED = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
        server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-media-pages"), clock);
        for (int i = 0; i < 45; i++) {
            String alt = i % 3 == 0 ? null : "Picture " + i;
            MediaItem item = server.site().media.upload(new MediaUpload("picture-" + i + ".png", distinctPng(i), alt));
            IDS.add(item.id());
            if (alt == null) {
                UNDESCRIBED.add(item.id());
            }
            clock.advance(Duration.ofMinutes(1));
        }
        Collections.reverse(IDS);
        Collections.reverse(UNDESCRIBED);
        server.site().accounts.addUser("ed@example.org", "Ed Itor", AccountRole.EDITOR, "a long enough password");
        editor = new WebClient(server).signIn("ed@example.org", "a long enough password");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLibraryIsPagedFortyAtATimeNewestFirst() {
        Document first = editor.page("/admin/media/");
        assertThat(ids(first)).isEqualTo(IDS.subList(0, 40));
        assertThat(first.select(".pagination a[rel=next]").attr("href")).isEqualTo("/admin/media/?page=2");
        assertThat(first.select(".pagination a[rel=prev]")).isEmpty();
        assertThat(first.select(".pagination-status").text()).isEqualTo("Page 1 of 2");

        Document second = editor.page("/admin/media/?page=2");
        assertThat(ids(second)).isEqualTo(IDS.subList(40, 45));
        assertThat(second.select("h1").text()).isEqualTo("Media library, page 2");
        assertThat(second.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/admin/media/?page=1");
        assertThat(second.select(".pagination a[rel=next]")).isEmpty();

        assertThat(editor.get("/admin/media/?page=3").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/media/?page=0").statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/media/?page=x").statusCode()).isEqualTo(404);
    }

    @Test
    void theFilterShowsOnlyImagesThatNeedADescriptionEachWithItsBadge() {
        Document all = editor.page("/admin/media/");
        assertThat(all.select(".filter-links a").eachText()).containsExactly("All (45)", "Needs a description (15)");
        assertThat(all.select(".filter-links a[aria-current=page]").text()).isEqualTo("All (45)");
        assertThat(all.select(".media-card:has(.badge)")).hasSize((int) UNDESCRIBED.stream().filter(IDS.subList(0, 40)::contains).count());

        Document filtered = editor.page("/admin/media/?filter=needs-description");
        assertThat(ids(filtered)).isEqualTo(UNDESCRIBED);
        assertThat(filtered.select(".media-card .badge").eachText()).hasSize(15).containsOnly("No description");
        assertThat(filtered.select(".filter-links a[aria-current=page]").text()).isEqualTo("Needs a description (15)");
        assertThat(filtered.select(".pagination")).isEmpty();
    }

    @Test
    void describingAnImageTakesItOutOfTheFilter() {
        long id = UNDESCRIBED.get(0);
        server.site().media.describe(id, "Now described");
        try {
            assertThat(ids(editor.page("/admin/media/?filter=needs-description"))).doesNotContain(id).hasSize(14);
        } finally {
            server.site().media.describe(id, null);
        }
    }

    private static List<Long> ids(Document page) {
        return page.select(".media-card a.media-name").eachAttr("href").stream()
                .map(href -> Long.parseLong(href.replaceAll("\\D", ""))).toList();
    }

    /** A small PNG that differs from every other, so the library stores each (it keeps one copy of equal files). */
    private static byte[] distinctPng(int n) {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, new Color(n * 5, 255 - n * 5, 128).getRGB());
        return TestImages.write(image, "png");
    }
}
