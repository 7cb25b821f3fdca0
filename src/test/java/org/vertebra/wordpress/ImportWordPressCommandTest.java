package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.CommandRun;

/** {@code vertebra import-wordpress} as a person or a script runs it. */
class ImportWordPressCommandTest {

    @TempDir
    Path temp;

    private static final String DISCLOSURE = "The writers declare no conflicts of interest.";

    private CommandRun run(String... options) {
        return CommandRun.inData(temp.resolve("data"), "import-wordpress", options);
    }

    @Test
    void printsCountsPerKindAndWhatWasLeftOut() {
        CommandRun result = run("--default-disclosure", DISCLOSURE, "--uploads", WordPressFixture.uploads().toString(),
                WordPressFixture.export().toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Imported from WordPress:")
                .containsPattern("post\\s+13 created").containsPattern("comment\\s+5 created, 1 skipped")
                .contains("Left out:").contains("marked trash on WordPress")
                .contains("[demo_callout] in /low-back-pain-demo/")
                .contains("No failures.");
        assertThat(result.err()).as("no progress bar when the output is not a terminal").isEmpty();
    }

    @Test
    void writesTheReportAsJson() throws IOException {
        CommandRun result = run("--json", "--default-disclosure", DISCLOSURE, "--uploads", WordPressFixture.uploads().toString(),
                WordPressFixture.export().toString());
        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.at("/counts/post/created").asInt()).isEqualTo(WordPressFixture.POSTS);
        assertThat(json.at("/counts/attachment/created").asInt()).isEqualTo(7);
        assertThat(json.get("skipped").get(0).get("reason").asText()).startsWith("marked trash");
        assertThat(json.at("/unknownShortcodes/[demo_callout]/0").asText()).isEqualTo("/low-back-pain-demo/");
        assertThat(json.get("failures")).isEmpty();
    }

    @Test
    void dryRunSaysSoAndASecondDryRunStillFindsEverythingNew() throws IOException {
        CommandRun first = run("--dry-run", "--json", "--default-disclosure", DISCLOSURE, WordPressFixture.export().toString());
        CommandRun second = run("--dry-run", "--json", "--default-disclosure", DISCLOSURE, WordPressFixture.export().toString());
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.at("/counts/post/created").asInt()).isEqualTo(WordPressFixture.POSTS);
        assertThat(json.at("/counts/attachment/skipped").asInt()).isEqualTo(7);
        assertThat(json.get("notes").get(0).asText()).as("the dry run's default disclosure was rolled back too")
                .contains("default disclosure is now");
        assertThat(first.exitCode()).isZero();
    }

    @Test
    void damagedExportExitsNonZeroWithWhereItBroke() throws IOException {
        String text = Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8);
        Path truncated = temp.resolve("truncated.xml");
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        CommandRun result = run("--as-drafts", truncated.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("failed: .*truncated\\.xml:\\d+:\\d+: not well-formed XML");
    }

    @Test
    void onAFreshSiteWithoutEitherOptionItStopsWithExitTwoAndWritesNothing() throws IOException {
        CommandRun stopped = run("--uploads", WordPressFixture.uploads().toString(), WordPressFixture.export().toString());
        assertThat(stopped.exitCode()).isEqualTo(2);
        assertThat(stopped.out()).startsWith("Stopped: 9 published posts have no disclosure of their own")
                .contains("--default-disclosure").contains("--as-drafts").contains("Settings, Trust (/admin/settings/trust/)");

        // Had the stopped run written anything, this run would find it unchanged instead of creating it.
        CommandRun next = run("--json", "--as-drafts", "--uploads", WordPressFixture.uploads().toString(),
                WordPressFixture.export().toString());
        JsonNode json = new ObjectMapper().readTree(next.out());
        assertThat(next.exitCode()).isZero();
        assertThat(json.at("/counts/post/created").asInt()).isEqualTo(WordPressFixture.POSTS);
        assertThat(json.at("/counts/author/created").asInt()).isEqualTo(4);
        assertThat(json.at("/counts/attachment/created").asInt()).isEqualTo(7);
        assertThat(json.get("notes").get(0).asText()).startsWith("9 published posts have no disclosure and came in as drafts");
    }

    @Test
    void theTwoDisclosureOptionsCannotBeGivenTogether() {
        CommandRun both = run("--as-drafts", "--default-disclosure", DISCLOSURE, WordPressFixture.export().toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--default-disclosure=TEXT, --as-drafts are mutually exclusive");
        assertThat(both.out()).doesNotContain("Imported from WordPress");
    }
}
