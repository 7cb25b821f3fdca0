package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesSlugFromTitleWithPunctuation() {
        assertThat(Slugs.of("Plantar Fasciitis: Causes & Treatment")).isEqualTo("plantar-fasciitis-causes-treatment");
    }

    @Test
    void dropsAccentsFromLetters() {
        assertThat(Slugs.of("Épaule gelée")).isEqualTo("epaule-gelee");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Dr Zoë Ærøskøbing-Łódź         | dr-zoe-aeroskobing-lodz
            Straße zur Fußpflege           | strasse-zur-fusspflege
            GROSSE ẞ                        | grosse-ss
            Þórður Guðmundsson             | thordur-gudmundsson
            Œdème du genou                 | oedeme-du-genou
            Ağrı kesici ılık su            | agri-kesici-ilik-su
            İzmir                          | izmir
            Đorđe Ħamrun                   | dorde-hamrun
            Ćwiczenia na ból pleców        | cwiczenia-na-bol-plecow
            Πόνος στη μέση                 | ponos-sti-mesi
            Ψυχολογία και πόνος            | psychologia-kai-ponos
            Боль в спине                   | bol-v-spine
            Щитовидная железа              | shchitovidnaia-zheleza
            Біль у коліні                  | bil-u-kolini
            Љубљана                         | ljubljana
            """)
    void writesTheLettersOfOtherAlphabetsInLatinNeverDroppingOne(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void leavesOutScriptsItCannotWriteInLatinSoThePersonIsAskedForASlug() {
        assertThat(Slugs.of("ألم الظهر")).isEmpty();
        assertThat(Slugs.of("腰痛 2024")).isEqualTo("2024");
    }

    @Test
    void keepsDigits() {
        assertThat(Slugs.of("Top 10 Exercises for 2024")).isEqualTo("top-10-exercises-for-2024");
    }

    @Test
    void collapsesRunsOfSeparatorsAndTrimsThemAtTheEnds() {
        assertThat(Slugs.of("  -- Knee   pain?! (ACL) --  ")).isEqualTo("knee-pain-acl");
    }

    @Test
    void givesEmptySlugForTitleWithoutLettersOrDigits() {
        assertThat(Slugs.of("?! & ...")).isEmpty();
    }

    @Test
    void shortensLongTitlesTo120CharactersWithoutTrailingHyphen() {
        String title = "word ".repeat(40); // "word-word-..." has a hyphen at index 119
        String slug = Slugs.of(title);

        assertThat(slug).hasSizeLessThanOrEqualTo(120).doesNotEndWith("-").startsWith("word-word");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plantar-fasciitis", "a", "top-10", "2024"})
    void acceptsLowercaseWordsJoinedBySingleHyphens(String slug) {
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "double--hyphen", "-leading", "trailing-", "with space", "épaule",
            "under_score", "dot.ted"})
    void rejectsAnythingElse(String slug) {
        assertThat(Slugs.isValid(slug)).isFalse();
    }

    @Test
    void rejectsSlugsLongerThan200Characters() {
        assertThat(Slugs.isValid("a".repeat(200))).isTrue();
        assertThat(Slugs.isValid("a".repeat(201))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"admin,true", "wp-admin,true", "feed,true", "category,true", "search,true", "media,true",
            "about,false", "administration,false", "feeds,false"})
    void knowsTheSiteOwnPathSegments(String slug, boolean reserved) {
        assertThat(Slugs.isReserved(slug)).isEqualTo(reserved);
    }
}
