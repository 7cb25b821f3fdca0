package org.vertebra.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.CommandRun;

/** {@code vertebra import-redirects} as a person or a script runs it, and its exit codes. */
class ImportRedirectsCommandTest {

    @TempDir
    Path temp;

    private CommandRun run(String... options) {
        return CommandRun.inData(temp.resolve("data"), "import-redirects", options);
    }

    @Test
    void exitsZeroWhenEveryRowCameInOrWasLeftOutOnPurposeAndASecondRunCreatesNothing() {
        Path file = RedirectFixture.write(temp, "redirects.csv", "source,target,code\r\n/old-heel/,/heel/,301\r\n"
                + "/fees-2019/,,410\r\n/book/,/teleconsult/,302\r\n", true);

        CommandRun first = run(file.toString());
        CommandRun second = run(file.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("Redirects from " + file + " (a CSV of source, target and code):")
                .contains("2 created, 0 updated, 0 unchanged, 1 left out, 0 refused")
                .contains("line 4 /book/: a temporary redirect (302)").contains("Nothing refused.");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("0 created, 0 updated, 2 unchanged, 1 left out, 0 refused");
    }

    @Test
    void exitsOneWhenRowsWereRefusedNamingTheirLinesWithTheAdminsMessage() {
        CommandRun result = run(RedirectFixture.redirectionCsv().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("(the Redirection plug-in's CSV export)")
                .contains("3 created, 0 updated, 0 unchanged, 3 left out, 3 refused")
                .contains("line 7 /admin/settings/: Addresses under /admin/ belong to Vertebra itself")
                .contains("line 8 /heel-pain/: /2019/03/heel-pain-stretches/ is itself redirected")
                .contains("line 9 /plantar-fasciitis-heel-pain/: The redirect from /2019/03/heel-pain-stretches/ leads to")
                .contains("3 refused: the other rows came in");
    }

    @Test
    void writesTheReportAsJson() throws Exception {
        CommandRun result = run("--json", RedirectFixture.redirectionJson().toString());

        assertThat(result.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("format").asText()).isEqualTo("redirection_json");
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.get("created").asInt()).isEqualTo(3);
        assertThat(json.at("/leftOut/0/line").asInt()).isEqualTo(77);
        assertThat(json.at("/leftOut/0/source").asText()).isEqualTo("^/tag/(.*)$");
        assertThat(json.at("/leftOut/0/detail").asText()).startsWith("a regular expression");
        assertThat(json.get("refused")).isEmpty();
    }

    @Test
    void aDryRunSaysSoAndWritesNothing() throws Exception {
        CommandRun dry = run("--dry-run", "--json", RedirectFixture.redirectionJson().toString());
        CommandRun real = run("--json", RedirectFixture.redirectionJson().toString());

        assertThat(dry.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(dry.out()).get("dryRun").asBoolean()).isTrue();
        assertThat(new ObjectMapper().readTree(real.out()).get("created").asInt()).as("the dry run left nothing").isEqualTo(3);
    }

    @Test
    void exitsTwoWhenTheFileCannotBeReadNamingTheFileAndLineAndTouchesNothing() {
        Path broken = RedirectFixture.write(temp, "broken.csv", "/a/,/b/\n/c/,\"/d/\n", false);

        CommandRun result = run(broken.toString());
        CommandRun missing = run(temp.resolve("missing.csv").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(broken + ":2: a quoted field is not closed");
        assertThat(result.out()).isEmpty();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.csv: no such file");
        assertThat(Files.exists(temp.resolve("data"))).as("no site opened, no row written").isFalse();
    }
}
