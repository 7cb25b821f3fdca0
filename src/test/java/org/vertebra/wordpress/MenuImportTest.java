package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;
import org.vertebra.taxonomy.MenuEntry;
import org.vertebra.taxonomy.MenuLinkChange;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.wordpress.WordPressReport.Outcome;

/**
 * The fixture's WordPress site has a "Main Menu" (a link home, a page with a page under it,
 * categories three levels deep, a post, a link to another host) and a "Footer Links" menu.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MenuImportTest {

    @Parameter
    TestDatabase database;

    @TempDir
    Path temp;

    private TestSite testSite;
    private Site site;

    @BeforeEach
    void openSite() {
        testSite = TestSite.open(database, temp, TestClock.at("2026-06-01T12:00:00Z"));
        site = testSite.site();
        site.initialize(false);
    }

    @AfterEach
    void closeSite() {
        testSite.close();
    }

    @Test
    void mainMenuComesAcrossWithItsPagesCategoriesPostAndLinks() {
        WordPressReport report = importExport(WordPressFixture.export());

        assertThat(report.failures()).isEmpty();
        // A new site's menu already links home, so that link is not added twice.
        assertThat(report.count(MenuImporter.KIND, Outcome.CREATED)).isEqualTo(7);
        assertThat(report.count(MenuImporter.KIND, Outcome.UNCHANGED)).isEqualTo(1);
        assertThat(topLevel()).filteredOn(e -> e.url().equals("/")).hasSize(1);
        assertThat(topLevel()).extracting(MenuEntry::label, MenuEntry::url).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple("Home", "/"),
                org.assertj.core.groups.Tuple.tuple("About the Demo Clinic", "/about-clinic/"),
                org.assertj.core.groups.Tuple.tuple("Back and Spine", "/category/spine/"),
                org.assertj.core.groups.Tuple.tuple("Low Back Pain: A Demo Overview", "/low-back-pain-demo/"),
                org.assertj.core.groups.Tuple.tuple("Patient Charity (Demo)", "https://charity.example/"));
        assertThat(entry("About the Demo Clinic").children()).extracting(MenuEntry::label, MenuEntry::url)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Our Demo Team", "/team/"));
        assertThat(entry("Back and Spine").children()).extracting(MenuEntry::label, MenuEntry::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Lower Back", "/category/lower-back/"),
                org.assertj.core.groups.Tuple.tuple("Sciatica", "/category/sciatica/"));
    }

    @Test
    void sayWhatDidNotFitTheOtherMenuAndTheThirdLevel() {
        WordPressReport report = importExport(WordPressFixture.export());

        assertThat(report.skipped()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("menu");
            assertThat(e.title()).isEqualTo("Footer Links");
            assertThat(e.reason()).contains("one main menu").contains("the link of this menu");
        });
        assertThat(report.warnings()).anyMatch(w -> w.contains("\"Sciatica\"") && w.contains("under \"Back and Spine\""));
        assertThat(report.toText()).contains("menu \"Footer Links\": Vertebra has one main menu");
    }

    @Test
    void importingAgainAddsNothingTwiceAndKeepsAnEditorsChanges() {
        importExport(WordPressFixture.export());
        MenuEntry home = entry("Home");
        site.menus.update(home.id(), MenuLinkChange.parse("Start", "/", "", ""));
        int items = countItems();

        WordPressReport again = importExport(WordPressFixture.export());

        assertThat(again.count(MenuImporter.KIND, Outcome.CREATED)).isZero();
        assertThat(again.count(MenuImporter.KIND, Outcome.UNCHANGED)).isEqualTo(8);
        assertThat(countItems()).isEqualTo(items);
        assertThat(site.menus.item(home.id())).map(MenuEntry::label).contains("Start");
    }

    @Test
    void linksAMenuCannotHoldAreLeftOutWithTheReason() throws IOException {
        String export = Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8)
                .replace("https://charity.example/", "mailto:office@clinic.example");
        Path changed = temp.resolve("export.xml");
        Files.writeString(changed, export, StandardCharsets.UTF_8);

        WordPressReport report = importExport(changed);

        assertThat(report.skipped()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(MenuImporter.KIND);
            assertThat(e.title()).isEqualTo("Patient Charity (Demo)");
            assertThat(e.reason()).contains("https addresses only").contains("mailto:office@clinic.example");
        });
        assertThat(findEntry("Patient Charity (Demo)")).isEmpty();
        assertThat(report.count(MenuImporter.KIND, Outcome.CREATED)).isEqualTo(6);
    }

    @Test
    void aDryRunReportsTheMenuAndAddsNothing() {
        int before = countItems();

        WordPressReport report = site.wordpress.importFile(WordPressFixture.export(), WordPressFixture.uploads(), true,
                WordPressImporter.Progress.none());

        assertThat(report.count(MenuImporter.KIND, Outcome.CREATED)).isEqualTo(7);
        assertThat(countItems()).isEqualTo(before);
    }

    private WordPressReport importExport(Path export) {
        return site.wordpress.importFile(export, WordPressFixture.uploads(), false, WordPressImporter.Progress.none());
    }

    private List<MenuEntry> topLevel() {
        return site.menus.tree(TaxonomyService.PRIMARY_MENU);
    }

    private int countItems() {
        return topLevel().stream().mapToInt(e -> 1 + e.children().size()).sum();
    }

    private Optional<MenuEntry> findEntry(String label) {
        return topLevel().stream().filter(e -> e.label().equals(label)).findFirst();
    }

    private MenuEntry entry(String label) {
        return findEntry(label).orElseThrow(() -> new AssertionError("no menu item " + label + " in " + topLevel()));
    }
}
