package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.article.ArticleDraft;
import org.vertebra.author.Author;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/**
 * Where an image is used and its deletion, on SQLite (files in a folder) and PostgreSQL (files in
 * the database): uses in text at any of its sizes, as a featured image and as a photo; a refusal
 * that changes nothing; a deletion that leaves no row, variant or stored byte behind.
 */
class MediaRemovalTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsAnImageUsedInTextAtAnySizeAsAFeaturedImageAndAsAPhoto(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            Site site = test.site();
            MediaItem heel = site.media.upload(new MediaUpload("heel.jpg", TestImages.jpeg(1400, 700), "A heel from the side"));
            MediaItem heelTwo = site.media.upload(new MediaUpload("heel.png", TestImages.png(300, 200), "Another heel"));
            String medium = heel.variants().get(1).url();
            article(site, "stretches", "Calf stretches", "Demo text.\n\n![A heel](" + medium + ")\n", null, Article.PUBLISHED);
            article(site, "shoes", "Choosing shoes", "Demo text without pictures.", heel.id(), Article.DRAFT);
            article(site, "other", "Another image", "![Another heel](" + heelTwo.url() + ")", null, Article.PUBLISHED);
            Author author = site.authors.ensure("Dr Demo");
            site.authors.updateProfile(author.id(), null, null, heel.id(), null);

            List<MediaUse> uses = site.mediaRemoval.uses(heel);

            assertThat(uses).extracting(MediaUse::title, MediaUse::how, MediaUse::state).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("Calf stretches", "in the text", null),
                    org.assertj.core.groups.Tuple.tuple("Choosing shoes", "as the featured image", "draft"),
                    org.assertj.core.groups.Tuple.tuple("Dr Demo", "as the author's photo", null));
            assertThat(uses).extracting(MediaUse::adminUrl).contains("/admin/authors/" + author.id() + "/")
                    .anyMatch(url -> url.matches("/admin/articles/\\d+/edit/"));
            assertThat(site.mediaRemoval.uses(heelTwo)).extracting(MediaUse::title).containsExactly("Another image");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesToDeleteAnImageInUseAndChangesNothing(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            Site site = test.site();
            MediaItem knee = site.media.upload(new MediaUpload("knee.jpg", TestImages.jpeg(900, 600), "A knee"));
            article(site, "knee", "Knee pain", "Demo text.", knee.id(), Article.PUBLISHED);

            assertThatThrownBy(() -> site.mediaRemoval.delete(knee.id(), false))
                    .isInstanceOfSatisfying(MediaInUse.class, e -> assertThat(e.uses()).extracting(MediaUse::title)
                            .containsExactly("Knee pain"));

            assertThat(site.media.byId(knee.id())).contains(knee);
            assertThat(paths(knee)).allMatch(site.mediaStore::exists);
            assertThat(site.articleWriter.bySlug("knee").orElseThrow().imageId()).isEqualTo(knee.id());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesAnUnusedImageWithItsVariantsAndStoredBytes(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            Site site = test.site();
            assertThat(site.mediaStore).isInstanceOf(kind == TestDatabase.POSTGRES ? DatabaseMediaStore.class : MediaFolder.class);
            MediaItem spine = site.media.upload(new MediaUpload("spine.jpg", TestImages.jpeg(1400, 900), "A spine"));
            MediaItem kept = site.media.upload(new MediaUpload("kept.png", TestImages.png(200, 100), "Kept"));
            long before = site.changes.current();
            List<List<String>> told = new ArrayList<>();
            site.mediaRemoval.onDeleted(told::add);

            assertThat(site.mediaRemoval.delete(spine.id(), false)).contains(spine);

            assertThat(site.media.byId(spine.id())).isEmpty();
            assertThat(site.media.byUrl(spine.variants().get(0).url())).isEmpty();
            assertThat(paths(spine)).hasSize(4).noneMatch(site.mediaStore::exists);
            assertThat(site.media.file(spine.path())).isEmpty();
            long variantRows = site.database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM media_variants WHERE media_id = :id").bind("id", spine.id()).mapTo(Long.class).one());
            assertThat(variantRows).isZero();
            assertThat(paths(kept)).allMatch(site.mediaStore::exists);
            assertThat(site.changes.current()).as("pages and other nodes hear of it").isGreaterThan(before);
            assertThat(told).containsExactly(paths(spine));
            assertThat(site.mediaRemoval.delete(spine.id(), false)).as("deleted twice").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesTheBytesFromATableStoreInTheSameTransaction(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            Site site = test.site();
            var jdbi = site.database.jdbi();
            DatabaseMediaStore table = new DatabaseMediaStore(jdbi, site.clock);
            MediaLibrary library = new MediaLibrary(jdbi, table, MediaLimits.ofMegabytes(5), site.clock);
            MediaRemoval removal = new MediaRemoval(jdbi, site.transactor, table,
                    List.of(MediaUses.of(site.articleWriter::mediaUses, site.articleWriter::releaseFeaturedImage)), site.changes);
            MediaItem hip = library.upload(new MediaUpload("hip.jpg", TestImages.jpeg(800, 600), "A hip"));
            assertThat(paths(hip)).allMatch(table::exists);

            removal.delete(hip.id(), false);

            assertThat(paths(hip)).noneMatch(table::exists);
            long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media_files").mapTo(Long.class).one());
            assertThat(rows).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeletionThatFailsBeforeItsCommitKeepsTheRowAndEveryStoredFile(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            Site site = test.site();
            MediaItem neck = site.media.upload(new MediaUpload("neck.jpg", TestImages.jpeg(900, 600), "A neck"));
            MediaUses failing = MediaUses.of((id, urls) -> List.of(), id -> {
                throw new IllegalStateException("the database went away");
            });
            MediaRemoval removal = new MediaRemoval(site.database.jdbi(), site.transactor, site.mediaStore,
                    List.of(failing), site.changes);

            assertThatThrownBy(() -> removal.delete(neck.id(), false)).hasMessageContaining("went away");

            assertThat(site.media.byId(neck.id())).contains(neck);
            assertThat(paths(neck)).as("files of a row that stays").allMatch(site.mediaStore::exists);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletesAnImageInUseWhenConfirmedAndClearsTheFieldsThatHeldIt(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            Site site = test.site();
            MediaItem wrist = site.media.upload(new MediaUpload("wrist.jpg", TestImages.jpeg(700, 500), "A wrist"));
            article(site, "wrist", "Wrist fractures", "Demo text.\n\n![A wrist](" + wrist.url() + ")", wrist.id(), Article.PUBLISHED);
            Author author = site.authors.ensure("Dr Demo");
            site.authors.updateProfile(author.id(), null, null, wrist.id(), null);

            site.mediaRemoval.delete(wrist.id(), true);

            assertThat(site.media.byId(wrist.id())).isEmpty();
            assertThat(paths(wrist)).noneMatch(site.mediaStore::exists);
            Article article = site.articleWriter.bySlug("wrist").orElseThrow();
            assertThat(article.imageId()).isNull();
            assertThat(article.bodyMarkdown()).as("the text is the writer's to fix").contains(wrist.url());
            assertThat(site.authors.byId(author.id()).orElseThrow().photoId()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void searchesByFileNameOrAltTextAlongsideTheMissingAltFilter(TestDatabase kind) {
        try (TestSite test = open(kind)) {
            MediaLibrary media = test.site().media;
            media.upload(new MediaUpload("Shoulder X-Ray.png", TestImages.png(200, 100), "Front view of a shoulder joint"));
            media.upload(new MediaUpload("elbow.png", TestImages.png(210, 100), "Elbow, bent, with the SHOULDER above"));
            media.upload(new MediaUpload("shoulder_sling.png", TestImages.png(220, 100), null));
            media.upload(new MediaUpload("knee.png", TestImages.png(230, 100), "A knee 100% straight"));

            assertThat(names(media.list("shoulder", false, 1, 10))).containsExactlyInAnyOrder(
                    "shoulder-x-ray.png", "elbow.png", "shoulder-sling.png");
            assertThat(names(media.list("X-RAY", false, 1, 10))).containsExactly("shoulder-x-ray.png");
            assertThat(names(media.list("_sling", false, 1, 10))).as("by the uploaded name").containsExactly("shoulder-sling.png");
            assertThat(names(media.list("100%", false, 1, 10))).as("LIKE's characters are literal").containsExactly("knee.png");
            assertThat(names(media.list("0%s", false, 1, 10))).isEmpty();
            assertThat(names(media.list("shoulder", true, 1, 10))).containsExactly("shoulder-sling.png");
            MediaLibrary.Listing paged = media.list("shoulder", false, 2, 2);
            assertThat(paged.total()).isEqualTo(3);
            assertThat(paged.pages()).isEqualTo(2);
            assertThat(paged.entries()).hasSize(1);
        }
    }

    private TestSite open(TestDatabase kind) {
        return TestSite.open(kind, folder, TestClock.at("2025-03-01T09:00:00Z"));
    }

    private static List<String> names(MediaLibrary.Listing listing) {
        return listing.entries().stream().map(e -> MediaView.fileName(e.item())).toList();
    }

    private static List<String> paths(MediaItem item) {
        List<String> paths = new ArrayList<>();
        paths.add(item.path());
        item.variants().forEach(v -> paths.add(v.path()));
        return paths;
    }

    static Article article(Site site, String slug, String title, String markdown, Long imageId, String status) {
        return site.articleWriter.save(new ArticleDraft(Article.POST, slug, title, null, markdown, null, imageId, status,
                site.clock.instant().minusSeconds(60), null, null, null, null, false, List.of())).article();
    }
}
