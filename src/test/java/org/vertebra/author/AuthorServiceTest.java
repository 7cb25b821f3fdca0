package org.vertebra.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Author profiles stored and read back on each database, and the profile form's checks. */
class AuthorServiceTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aProfileIsStoredWithItsLinksInOrderAndMovesTheContentCounter(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, Clock.systemUTC())) {
            AuthorService authors = test.site().authors;
            Author ada = authors.ensure("Dr Ada Bone");
            Author other = authors.ensure("Dr Other");
            long version = test.site().changes.current();

            Author saved = authors.update(ada.id(), AuthorProfileChange.parse(new AuthorProfileChange.Form(" Dr Ada Bone ",
                    "ada-bone", "MS (Orth), FRCS", "Knees.", "", "https://ada.example.org/",
                    "https://orcid.org/0000-0002-1825-0097\n\nhttps://www.linkedin.com/in/ada\nhttps://orcid.org/0000-0002-1825-0097"),
                    v -> Optional.empty()));

            assertThat(saved).isEqualTo(new Author(ada.id(), "ada-bone", "Dr Ada Bone", "MS (Orth), FRCS", "Knees.", null,
                    "https://ada.example.org/", List.of("https://orcid.org/0000-0002-1825-0097", "https://www.linkedin.com/in/ada")));
            assertThat(authors.bySlug("ada-bone")).contains(saved);
            assertThat(test.site().changes.current()).isEqualTo(version + 1);
            assertThat(new AuthorViews(test.site().media).of(saved).links()).extracting(l -> l.label())
                    .containsExactly("Website", "ORCID", "LinkedIn");
            assertThatThrownBy(() -> authors.update(other.id(), AuthorProfileChange.parse(new AuthorProfileChange.Form(
                    "Dr Other", "ada-bone", null, null, null, null, null), v -> Optional.empty())))
                    .isInstanceOf(Invalid.class).hasMessageContaining("already has the address");
            assertThat(test.site().changes.current()).isEqualTo(version + 1);
        }
    }

    @Test
    void theFormReportsEveryProblemAtOnce() {
        AuthorProfileChange.Form form = new AuthorProfileChange.Form("", "Not A Slug", "c".repeat(201), "b".repeat(5001),
                "/media/missing.png", "ftp://x.example/", "https://ok.example/\nhttp://not-ok.example/");

        assertThatThrownBy(() -> AuthorProfileChange.parse(form, v -> Optional.empty()))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("name", "slug", "credentials", "bio", "photo", "website", "links"));
        String seven = String.join("\n", java.util.stream.IntStream.range(0, 7).mapToObj(i -> "https://x" + i + ".example/").toList());
        assertThatThrownBy(() -> AuthorProfileChange.parse(new AuthorProfileChange.Form("A", "a", null, null, null, null, seven),
                v -> Optional.empty())).hasMessageContaining("at most 6");
    }
}
