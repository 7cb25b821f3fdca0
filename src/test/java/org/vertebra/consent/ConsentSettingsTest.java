package org.vertebra.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.data.ContentChanges;
import org.vertebra.form.FieldProblem;
import org.vertebra.form.Invalid;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The consent policy kept in the database: imported once from the old file, checked before it changes, and versioned. */
class ConsentSettingsTest {

    private static final String FILE = """
            {"version": 4,
             "cookies": [{"category": "statistics", "name": "_demo_stats", "purpose": "Counts visits for the demo.",
                          "duration": "1 day", "provider": "Demo Statistics Ltd"}],
             "scripts": [{"category": "statistics", "src": "https://stats.example.org/demo.js"}]}""";

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importsThePolicyFileOnceOnTheFirstStartAndNeverAgain(TestDatabase kind) throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data").resolve(ConsentPolicy.FILE_NAME), FILE);
        TestDatabase.Created database = kind.create(folder);
        try {
            try (Site first = Site.open(TestSite.settings(database, folder), TestClock.at("2026-02-01T09:00:00Z"))) {
                ConsentSettings settings = first.consentSettings;
                ConsentSettings.Stored stored = settings.stored();
                assertThat(stored.version()).isEqualTo(4);
                assertThat(stored.entries()).extracting(OwnerEntry::name, OwnerEntry::category, OwnerEntry::provider)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("_demo_stats", ConsentCategory.STATISTICS,
                                "Demo Statistics Ltd"));
                assertThat(stored.scripts()).extracting(OptionalScript::name, OptionalScript::src)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("stats.example.org", "https://stats.example.org/demo.js"));
                assertThat(settings.policy().cookies(ConsentCategory.STATISTICS)).extracting(CookieEntry::name)
                        .contains("Page counts (no cookie)", "_demo_stats");
                settings.removeEntry(stored.entries().get(0).id());
            }
            // A later start, with the file still there (and even broken), leaves what the owner changed alone.
            Files.writeString(folder.resolve("data").resolve(ConsentPolicy.FILE_NAME), "{not json");
            try (Site again = Site.open(TestSite.settings(database, folder), TestClock.at("2026-02-02T09:00:00Z"))) {
                ConsentSettings.Stored stored = again.consentSettings.stored();
                assertThat(stored.entries()).isEmpty();
                assertThat(stored.scripts()).hasSize(1);
                assertThat(stored.version()).isEqualTo(4);
            }
        } finally {
            database.drop().run();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutAFileTheSiteStartsAtVersionOneWithOnlyTheBuiltInEntries(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, TestClock.at("2026-02-01T09:00:00Z"))) {
            ConsentPolicy policy = site.site().consentSettings.policy();
            assertThat(policy.version()).isEqualTo(1);
            assertThat(policy.cookies()).extracting(CookieEntry::name).containsExactly("vertebra_consent", "vertebra_session",
                    "vertebra_csrf", "vertebra_pending", "Page counts (no cookie)", "YouTube videos", "Vimeo videos");
            assertThat(policy.cookies()).isEqualTo(site.site().consentSettings.builtIn());
            assertThat(policy.scripts()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void refusesBadEntriesAndScriptsWithAMessagePerFieldAndChangesNothing(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, TestClock.at("2026-02-01T09:00:00Z"))) {
            ConsentSettings settings = site.site().consentSettings;
            ContentChanges changes = site.site().changes;
            long counter = changes.current();

            assertThat(fields(() -> settings.addEntry(EntryChange.parse("tracking", " ", "", "x".repeat(1001), ""))))
                    .containsExactlyInAnyOrder("category", "name", "provider", "purpose", "duration");
            assertThat(problems(() -> settings.addEntry(EntryChange.parse("functional", "Vertebra_Session", "Me", "Mine", "1 day"))))
                    .singleElement().asString().contains("set by Vertebra itself");
            assertThat(problems(() -> ScriptChange.parse("functional", "Stats", "https://stats.example.org/a.js", "")))
                    .singleElement().asString().contains("cannot be Functional");
            assertThat(problems(() -> ScriptChange.parse("statistics", "Stats", "http://stats.example.org/a.js", "")))
                    .singleElement().asString().contains("https address");
            assertThat(problems(() -> ScriptChange.parse("statistics", "Stats", "javascript:alert(1)", "")))
                    .singleElement().asString().contains("https address");
            assertThat(problems(() -> ScriptChange.parse("statistics", "Stats", "", "  ")))
                    .singleElement().asString().contains("paste its code");
            assertThat(problems(() -> ScriptChange.parse("statistics", "Stats", "https://stats.example.org/a.js", "run();")))
                    .singleElement().asString().contains("not both");
            assertThat(problems(() -> ScriptChange.parse("marketing", "Pixel", "", "<script>run();</script>")))
                    .singleElement().asString().contains("without those tags");

            ConsentSettings.Stored stored = settings.stored();
            assertThat(stored.entries()).isEmpty();
            assertThat(stored.scripts()).isEmpty();
            assertThat(stored.version()).isEqualTo(1);
            assertThat(changes.current()).as("no content change either").isEqualTo(counter);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void somethingNewInAnOptionalCategoryRaisesTheVersionAndRewordingOrRemovingDoesNot(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, TestClock.at("2026-02-01T09:00:00Z"))) {
            ConsentSettings settings = site.site().consentSettings;
            long counter = site.site().changes.current();

            assertThat(settings.addEntry(EntryChange.parse("functional", "lb_route", "This site", "Sends you to the same server.",
                    "Until the browser closes"))).isEqualTo(new ConsentSettings.Saved(1, false));
            ConsentSettings.Saved added = settings.addEntry(EntryChange.parse("statistics", "_pk_id", "Matomo",
                    "Tells visits apart.", "13 months"));
            assertThat(added).isEqualTo(new ConsentSettings.Saved(2, true));
            assertThat(site.site().changes.current()).as("every save moves the content counter").isEqualTo(counter + 2);

            OwnerEntry matomo = settings.stored().entries().get(1);
            assertThat(settings.updateEntry(matomo.id(), EntryChange.parse("statistics", "_pk_id", "Matomo",
                    "Tells visits apart, for counting only.", "12 months")).askedAgain()).as("rewording").isFalse();
            assertThat(settings.updateEntry(matomo.id(), EntryChange.parse("marketing", "_pk_id", "Matomo",
                    "Tells visits apart, for counting only.", "12 months")).version()).as("another category").isEqualTo(3);

            ConsentSettings.Saved script = settings.addScript(ScriptChange.parse("statistics", "Counter", "", "window.counted = 1;"));
            assertThat(script).isEqualTo(new ConsentSettings.Saved(4, true));
            OptionalScript counter2 = settings.stored().scripts().get(0);
            assertThat(settings.updateScript(counter2.id(), ScriptChange.parse("statistics", "Our counter", "",
                    "window.counted = 1;")).askedAgain()).as("a new name only").isFalse();
            assertThat(settings.updateScript(counter2.id(), ScriptChange.parse("statistics", "Our counter", "",
                    "window.counted = 2;")).version()).as("new code").isEqualTo(5);

            assertThat(settings.removeScript(counter2.id())).isEqualTo(new ConsentSettings.Saved(5, false));
            assertThat(settings.removeEntry(matomo.id())).isEqualTo(new ConsentSettings.Saved(5, false));
            assertThat(settings.askAgain()).isEqualTo(new ConsentSettings.Saved(6, true));

            assertThat(settings.policy().version()).as("this server's policy follows at the next content check").isEqualTo(1);
            assertThat(settings.refresh().version()).isEqualTo(6);
            assertThat(site.site().consent.allows(ConsentCategory.STATISTICS, "5.statistics.before", false)).isFalse();
            assertThat(site.site().consent.allows(ConsentCategory.STATISTICS, "6.statistics.after", false)).isTrue();
            assertThat(settings.policy().cookies()).extracting(CookieEntry::name).contains("lb_route").doesNotContain("_pk_id");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSnippetIsServedUnderAnAddressThatChangesWithItsCode(TestDatabase kind) {
        try (TestSite site = TestSite.open(kind, folder, TestClock.at("2026-02-01T09:00:00Z"))) {
            ConsentSettings settings = site.site().consentSettings;
            settings.addScript(ScriptChange.parse("statistics", "Counter", "", "window.counted = 1;"));
            settings.addScript(ScriptChange.parse("marketing", "Pixel", "https://pixel.example.com/p.js", ""));
            ConsentPolicy policy = settings.refresh();
            OptionalScript snippet = policy.scripts().get(0);
            assertThat(snippet.address()).matches("/consent/scripts/" + snippet.id() + "-[0-9a-f]{12}\\.js");
            assertThat(policy.scriptOrigins()).containsExactly("https://pixel.example.com");
            settings.updateScript(snippet.id(), ScriptChange.parse("statistics", "Counter", "", "window.counted = 2;"));
            assertThat(settings.refresh().scripts().get(0).address()).isNotEqualTo(snippet.address());
        }
    }

    private static List<String> fields(Runnable change) {
        return problemList(change).stream().map(FieldProblem::field).toList();
    }

    private static List<String> problems(Runnable change) {
        return problemList(change).stream().map(FieldProblem::message).toList();
    }

    private static List<FieldProblem> problemList(Runnable change) {
        try {
            change.run();
        } catch (Invalid invalid) {
            return invalid.problems();
        }
        throw new AssertionError("the change was not refused");
    }
}
