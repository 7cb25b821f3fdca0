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

    private CommandRun run(String... options) {
        return CommandRun.inData(temp.resolve("data"), "import-wordpress", options);
    }

    @Test
    void printsCountsPerKindAndWhatWasLeftOut() {
        CommandRun result = run("--uploads", WordPressFixture.uploads().toString(), WordPressFixture.export().toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Imported from WordPress:")
                .containsPattern("post\\s+7 created").containsPattern("comment\\s+5 created, 1 skipped")
                .contains("Left out:").contains("marked trash on WordPress")
                .contains("[demo_callout] in /low-back-pain-demo/")
                .contains("No failures.");
        assertThat(result.err()).as("no progress bar when the output is not a terminal").isEmpty();
    }

    @Test
    void writesTheReportAsJson() throws IOException {
        CommandRun result = run("--json", "--uploads", WordPressFixture.uploads().toString(), WordPressFixture.export().toString());
        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.at("/counts/post/created").asInt()).isEqualTo(7);
        assertThat(json.at("/counts/attachment/created").asInt()).isEqualTo(3);
        assertThat(json.get("skipped").get(0).get("reason").asText()).startsWith("marked trash");
        assertThat(json.at("/unknownShortcodes/[demo_callout]/0").asText()).isEqualTo("/low-back-pain-demo/");
        assertThat(json.get("failures")).isEmpty();
    }

    @Test
    void dryRunSaysSoAndASecondDryRunStillFindsEverythingNew() throws IOException {
        CommandRun first = run("--dry-run", "--json", WordPressFixture.export().toString());
        CommandRun second = run("--dry-run", "--json", WordPressFixture.export().toString());
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.at("/counts/post/created").asInt()).isEqualTo(7);
        assertThat(json.at("/counts/attachment/skipped").asInt()).isEqualTo(3);
        assertThat(first.exitCode()).isZero();
    }

    @Test
    void damagedExportExitsNonZeroWithWhereItBroke() throws IOException {
        String text = Files.readString(WordPressFixture.export(), StandardCharsets.UTF_8);
        Path truncated = temp.resolve("truncated.xml");
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        CommandRun result = run(truncated.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("failed: .*truncated\\.xml:\\d+:\\d+: not well-formed XML");
    }
}
