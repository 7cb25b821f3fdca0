package org.vertebra.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.form.Invalid;
import org.vertebra.language.Language;
import org.vertebra.layout.SiteIdentity;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The identity settings on each database: precedence over the configured title, and the content counter. */
class SiteSettingsTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theTitleSetInTheAdminWinsOverTheConfiguredOneUntilItIsCleared(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, temp, Clock.systemUTC())) {
            SiteSettings settings = site.site().siteSettings;
            assertThat(settings.identity()).isEqualTo(new SiteIdentity("Test Clinic", null, null));
            long version = site.site().changes.current();

            settings.save(IdentityChange.parse(" Bone Clinic ", "Bones, joints\nand muscles", "Line one\r\n\r\nLine two", " ES "));
            assertThat(settings.identity()).isEqualTo(new SiteIdentity("Bone Clinic", "Bones, joints and muscles", "Line one\r\n\r\nLine two",
                    new Language("es")));
            assertThat(settings.identity().footerParagraphs()).containsExactly("Line one", "Line two");
            settings.save(IdentityChange.parse("Bone Clinic", "Bones", "Changed", "es"));
            assertThat(settings.identity().footer()).isEqualTo("Changed");
            assertThat(site.site().changes.current()).isEqualTo(version + 2);

            settings.save(IdentityChange.parse("", "", "", ""));
            assertThat(settings.identity()).isEqualTo(new SiteIdentity("Test Clinic", null, null));
        }
    }

    @Test
    void valuesThatCannotBeShownAreRefusedTogether() {
        assertThatThrownBy(() -> IdentityChange.parse("x".repeat(121), "bell\u0007", "f".repeat(2001), "spanish please"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("title", "tagline", "footer", "language"));
    }
}
