package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The same library on PostgreSQL: the V3 migration, variants stored and read back, a bomb storing nothing. */
class MediaLibraryPostgresTest {

    @TempDir
    Path temp;

    @Test
    void storesVariantsAndRefusesABombOnPostgres() {
        try (TestSite site = TestSite.open(TestDatabase.POSTGRES, temp, Clock.systemUTC())) {
            MediaLibrary media = site.site().media;

            MediaItem item = media.upload(new MediaUpload("wide.jpg", TestImages.jpeg(1400, 700), "A wide view"));
            assertThatThrownBy(() -> media.upload(new MediaUpload("bomb.png", TestImages.pngBomb(60_000, 60_000), null)))
                    .isInstanceOf(MediaRejected.class)
                    .hasMessageContaining("60000 x 60000 pixels");

            assertThat(media.byUrl(item.url()).orElseThrow().variants()).extracting(MediaVariant::width)
                    .containsExactly(150, 640, 1280);
            assertThat(media.missingAltText(item.id(), "![](" + item.url() + ")")).isEmpty();
            long rows = site.site().database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media").mapTo(Long.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }
}
