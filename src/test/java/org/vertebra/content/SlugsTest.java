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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            कमर दर्द के कारण                | कमर-दर्द-के-कारण
            ألم الظهر: متى تقلق؟            | ألم-الظهر-متى-تقلق
            腰痛 2024                       | 腰痛-2024
            முதுகு வலி                      | முதுகு-வலி
            כאב גב תחתון                    | כאב-גב-תחתון
            허리 통증                        | 허리-통증
            ปวดหลัง                          | ปวดหลัง
            ヘルニアの治療                   | ヘルニアの治療
            Ցավ մեջքում                     | ցավ-մեջքում
            ব্যথা ও বিশ্রাম                   | ব্যথা-ও-বিশ্রাম
            Yoga für den Rücken – योग       | yoga-fur-den-rucken-योग
            ٢٠٢٤ ألم                         | ٢٠٢٤-ألم
            """)
    void keepsTheLettersOfOtherScriptsAsTheyAreNeverDroppingOne(String title, String slug) {
        assertThat(Slugs.of(title)).isEqualTo(slug);
        assertThat(Slugs.isValid(slug)).isTrue();
        assertThat(slug.codePoints().filter(Character::isLetter).count()).as("every letter of " + title)
                .isEqualTo(title.codePoints().filter(Character::isLetter).count());
    }

    @Test
    void keepsVowelSignsAndViramasWhichArePartOfTheLetterInDevanagariAndTamil() {
        // "दर्द" is द, र, virama, द: dropping the marks (as accents are dropped from Latin) would make it "दरद".
        assertThat(Slugs.of("दर्द")).isEqualTo("दर्द");
        assertThat(Slugs.of("வலி")).isEqualTo("வலி");
    }

    @Test
    void storesASlugInNfcWhateverFormTheTitleCameIn() {
        String decomposed = java.text.Normalizer.normalize("한국어 ألم", java.text.Normalizer.Form.NFD);
        assertThat(Slugs.of(decomposed)).isEqualTo("한국어-ألم");
        assertThat(Slugs.isValid(decomposed.replace(' ', '-'))).as("a decomposed slug is not stored as it came").isFalse();
    }

    @Test
    void leavesOutJoinersWhichAreNoLetters() {
        assertThat(Slugs.of("می\u200cخواهم")).isEqualTo("میخواهم");
    }

    @Test
    void writesASlugInAnAddressAsItsUtf8BytesPercentEncodedAndReadsItBack() {
        assertThat(Slugs.inPath("knee-pain")).isEqualTo("knee-pain");
        assertThat(Slugs.inPath("कमर-दर्द")).isEqualTo("%E0%A4%95%E0%A4%AE%E0%A4%B0-%E0%A4%A6%E0%A4%B0%E0%A5%8D%E0%A4%A6");
        assertThat(Slugs.fromPath("%E0%A4%95%E0%A4%AE%E0%A4%B0-%E0%A4%A6%E0%A4%B0%E0%A5%8D%E0%A4%A6")).isEqualTo("कमर-दर्द");
        // WordPress writes post_name in lower-case hex.
        assertThat(Slugs.fromPath("%d8%a3%d9%84%d9%85")).isEqualTo("ألم");
        assertThat(Slugs.fromPath("100%-sure")).as("no valid encoding: as it came").isEqualTo("100%-sure");
    }

    @Test
    void shortensALongSlugInAnotherScriptWithoutSplittingALetterFromItsVowelSign() {
        // "कि-" then "दर्द-" again and again: the 121st character is a virama, which belongs to the letter before it.
        String whole = "कि-" + "दर्द-".repeat(39) + "दर्द";
        String slug = Slugs.of("कि " + "दर्द ".repeat(40));

        assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(120);
        assertThat(whole).startsWith(slug);
        assertThat(Character.getType(whole.codePointAt(slug.length()))).as("the first character left out")
                .isNotEqualTo((int) Character.NON_SPACING_MARK);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void writesFileNamesInAsciiAlone() {
        assertThat(Slugs.ascii("Rücken कमर scan")).isEqualTo("rucken-scan");
        assertThat(Slugs.ascii("腰痛")).isEmpty();
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
    @ValueSource(strings = {"plantar-fasciitis", "a", "top-10", "2024", "कमर-दर्द", "腰痛"})
    void acceptsLowercaseWordsJoinedBySingleHyphens(String slug) {
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "double--hyphen", "-leading", "trailing-", "with space", "épaule",
            "under_score", "dot.ted", "Ցավ", "%e0%a4%95"})
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
