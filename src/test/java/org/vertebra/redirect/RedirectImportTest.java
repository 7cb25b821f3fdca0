package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.article.Article;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;
import org.vertebra.redirect.RedirectImportReport.Entry;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Importing files of redirects through the admin's rules, on SQLite and PostgreSQL. */
class RedirectImportTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.at("2026-12-06T09:00:00Z");

    /** A fresh site on this database, with the demo articles or without. */
    private TestSite site(TestDatabase kind, boolean demo) {
        TestSite test = TestSite.open(kind, folder, clock);
        test.site().initialize(demo);
        return test;
    }

    private RedirectImportReport importFile(Site site, Path file, boolean dryRun) throws RedirectFileReader.Unreadable {
        return site.redirects.importFile(RedirectFileReader.read(file), "import-redirects", dryRun);
    }

    private Path csv(String name, String text) {
        return RedirectFixture.write(folder, name, text, false);
    }

    /** What the admin answers when the same redirect is added there. */
    private static String adminRefusal(Site site, String source, String target) {
        try {
            site.redirects.add(RedirectChange.parse(source, target, "301", ""), "Ed");
        } catch (Invalid invalid) {
            return String.join(" ", invalid.problems().stream().map(FieldProblem::message).toList());
        }
        throw new AssertionError("the admin accepted " + source);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesThePluginsRowsForTheAdminsReasonsInItsWordsWithTheirLinesAndTheOthersComeIn(TestDatabase kind) throws Exception {
        try (TestSite test = site(kind, true)) {
            Site site = test.site();
            Article heel = site.articles.published("plantar-fasciitis-heel-pain").orElseThrow();

            RedirectImportReport report = importFile(site, RedirectFixture.redirectionCsv(), false);

            assertThat(report.created()).isEqualTo(3);
            assertThat(report.leftOut()).extracting(Entry::line).containsExactly(4, 5, 6);
            assertThat(report.refused()).extracting(Entry::line, Entry::source).containsExactly(
                    tuple(7, "/admin/settings/"), tuple(8, "/heel-pain/"), tuple(9, "/plantar-fasciitis-heel-pain/"));
            assertThat(report.refused().get(0).detail()).contains("belong to Vertebra itself");
            assertThat(report.refused().get(1).detail()).contains("chain", "straight to /plantar-fasciitis-heel-pain/")
                    .isEqualTo(adminRefusal(site, "/heel-pain/", "/2019/03/heel-pain-stretches/"));
            assertThat(report.refused().get(2).detail()).contains("\u201c" + heel.title() + "\u201d")
                    .isEqualTo(adminRefusal(site, "/plantar-fasciitis-heel-pain/", "/heel/"));
            assertThat(report.hasRefusals()).isTrue();

            assertThat(site.redirects.list("", 1).items()).extracting(Redirect::source, Redirect::target, Redirect::kind,
                    Redirect::note, Redirect::createdBy).containsExactlyInAnyOrder(
                    tuple("/2019/03/heel-pain-stretches/", "/plantar-fasciitis-heel-pain/", RedirectKind.MOVED,
                            "Imported from redirection.csv", "import-redirects"),
                    tuple("/clinic-hours-2019/", null, RedirectKind.GONE, "Old opening hours", "import-redirects"),
                    tuple("/ankle-sprain/", "/ankle-sprain-first-days/", RedirectKind.MOVED, "Imported from redirection.csv",
                            "import-redirects"));
            assertThat(site.redirects.lookUp("/heel-pain/")).as("a refused row writes nothing").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importsThePluginsJsonWithItsGoneAddressesAndAddressesElsewhere(TestDatabase kind) throws Exception {
        try (TestSite test = site(kind, false)) {
            Site site = test.site();

            RedirectImportReport report = importFile(site, RedirectFixture.redirectionJson(), false);

            assertThat(report.created()).isEqualTo(3);
            assertThat(report.leftOut()).hasSize(5);
            assertThat(report.hasRefusals()).isFalse();
            assertThat(site.redirects.lookUp("/2018/05/back-pain-myths")).map(Redirect::target).contains("/low-back-pain-when-to-worry/");
            assertThat(site.redirects.lookUp("/fees-2020/")).map(Redirect::kind).contains(RedirectKind.GONE);
            assertThat(site.redirects.lookUp("/shoulder/")).map(Redirect::note).contains("Moved to our partner");
            assertThat(site.redirects.lookUp("/old-team/")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSecondRunChangesNothingAndAFileLeadingElsewhereUpdatesKeepingTheAdminsNote(TestDatabase kind) throws Exception {
        try (TestSite test = site(kind, false)) {
            Site site = test.site();
            Path file = csv("redirects.csv", "/old-heel/,/plantar-fasciitis-heel-pain/\n/fees-2019/,,410\n");
            importFile(site, file, false);
            Redirect heel = site.redirects.lookUp("/old-heel/").orElseThrow();
            site.redirects.update(heel.id(), RedirectChange.parse("/old-heel/", heel.target(), "301", "From the 2019 leaflet"), "Ed");
            long counter = site.changes.current();

            RedirectImportReport again = importFile(site, file, false);

            assertThat(again.created()).isZero();
            assertThat(again.unchanged()).isEqualTo(2);
            assertThat(again.updated()).isEmpty();
            assertThat(site.changes.current()).as("nothing written, nothing to re-read").isEqualTo(counter);

            RedirectImportReport moved = importFile(site, csv("moved.csv", "/old-heel/,/ankle-sprain-first-days/\n"), false);

            assertThat(moved.updated()).extracting(Entry::line, Entry::detail)
                    .containsExactly(tuple(1, "was to /plantar-fasciitis-heel-pain/, now to /ankle-sprain-first-days/"));
            Redirect updated = site.redirects.lookUp("/old-heel/").orElseThrow();
            assertThat(updated.target()).isEqualTo("/ankle-sprain-first-days/");
            assertThat(updated.note()).isEqualTo("From the 2019 leaflet");
            assertThat(updated.id()).isEqualTo(heel.id());
            assertThat(site.redirects.list("", 1).total()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDryRunWritesNothingYetSeesItsOwnEarlierRows(TestDatabase kind) throws Exception {
        try (TestSite test = site(kind, false)) {
            Site site = test.site();
            long counter = site.changes.current();

            RedirectImportReport report = importFile(site, csv("chain.csv", "/a/,/b/\n/b/,/c/\n/d/,,410\n"), true);

            assertThat(report.created()).isEqualTo(2);
            assertThat(report.refused()).extracting(Entry::line).containsExactly(2);
            assertThat(report.toText()).startsWith("Dry run: nothing was written.");
            assertThat(site.redirects.list("", 1).total()).isZero();
            assertThat(site.redirects.lookUp("/a/")).isEmpty();
            assertThat(site.changes.current()).isEqualTo(counter);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileGivingOneAddressTwiceKeepsTheFirstAndRefusesAContradiction(TestDatabase kind) throws Exception {
        try (TestSite test = site(kind, false)) {
            Site site = test.site();

            RedirectImportReport report = importFile(site, csv("twice.csv", "/x/,/y/\n/x,/y/\n/x/,/z/\n"), false);

            assertThat(report.created()).isEqualTo(1);
            assertThat(report.leftOut()).extracting(Entry::line, Entry::detail).containsExactly(tuple(2, "the same redirect as line 1"));
            assertThat(report.refused()).extracting(Entry::line, Entry::detail)
                    .containsExactly(tuple(3, "Line 1 already redirects /x/; a file gives each old address once."));
            assertThat(site.redirects.lookUp("/x/")).map(Redirect::target).contains("/y/");
        }
    }
}
