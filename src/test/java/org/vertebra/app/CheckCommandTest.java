package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.CommandRun;
import org.vertebra.support.MarkdownFiles;

/** {@code vertebra check}: what the user sees, the JSON, and the exit code. */
class CheckCommandTest {

    private static final String CLEAN_BODY = """
            Rest the knee for a day or two. Then walk a little more each day [1].

            ## References
            - Haldane R, Achebe N. Walking for knee pain. J Knee. 2014;2:1-9. doi: 10.5555/jk.1. PMID: 25123456
            """;

    @TempDir
    Path temp;

    @Test
    void exitsZeroForACleanFile() {
        Path file = MarkdownFiles.write(temp, "clean.md", MarkdownFiles.article("clean", "Clean", CLEAN_BODY));

        CommandRun run = CommandRun.of("check", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ": readability: Flesch-Kincaid grade")
                .contains("within the target for patient material (grade 8 or lower)")
                .contains("1 checked, 0 with findings, 0 unreadable");
    }

    @Test
    void exitsOneAndNamesFileLinesForFindings() throws IOException {
        Path file = plantedMistakes();

        CommandRun run = CommandRun.of("check", temp.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        // "Okafor et al." is on line 12 of the body, which starts on line 8 of the file
        assertThat(run.out()).contains(file + ":19: \"Okafor et al.\" matches no reference")
                .contains(file + ": reference 5 is never cited: Moreau J, Tanaka H.")
                .contains(file + ": reference 3 has a malformed DOI \"10.555/onq.2018.12\": the prefix")
                .contains(file + ": reference 4 has a malformed PMID \"0312345\": a PMID does not start with 0")
                .contains(file + ": reference 6 repeats reference 1 (same DOI)")
                .contains("1 checked, 1 with findings, 0 unreadable");
    }

    @Test
    void aGradeAboveEightIsAFindingOnItsOwn() {
        String body = "Osteoarthritis is a degenerative musculoskeletal condition characterised by progressive "
                + "articular cartilage deterioration and subchondral remodelling.\n";
        Path file = MarkdownFiles.write(temp, "hard.md", MarkdownFiles.article("hard", "Hard", body));

        CommandRun run = CommandRun.of("check", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("above the target for patient material (grade 8 or lower)");
    }

    @Test
    void longSentencesAloneAreListedButAreNoFinding() {
        String body = "You can walk and you can swim and you can ride a bike and you can lift light weights and "
                + "you can do all of this at home or in a gym with a friend.\n"
                + "It helps. Go slow. Rest well. Sleep. Eat well. Stay warm. Stretch. Smile. Call us. See you.\n";
        Path file = MarkdownFiles.write(temp, "long.md", MarkdownFiles.article("long", "Long", body));

        CommandRun run = CommandRun.of("check", file.toString());

        assertThat(run.out()).contains(file + ":10: long sentence (35 words): You can walk");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void exitsTwoWhenAFileIsMissingNotUtf8OrHasBrokenFrontMatter() throws IOException {
        Path clean = MarkdownFiles.write(temp, "in/clean.md", MarkdownFiles.article("clean", "Clean", CLEAN_BODY));
        Path latin1 = temp.resolve("in/latin1.md");
        Files.write(latin1, "---\ntitle: Caf\u00e9\n---\nText.\n".getBytes(StandardCharsets.ISO_8859_1));
        Path broken = MarkdownFiles.write(temp, "in/broken.md", "---\ntitle: \"unclosed\n---\nText.\n");

        CommandRun run = CommandRun.of("check", temp.resolve("in").toString(), temp.resolve("missing.md").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(latin1 + ":1: file is not UTF-8 text")
                .contains(broken + ":2: broken front matter")
                .contains(temp.resolve("missing.md") + ": no such file or folder");
        assertThat(run.out()).contains(clean + ": readability").contains("1 checked, 0 with findings, 3 unreadable");
    }

    @Test
    void jsonHasTheDocumentedFieldsWithFileLines() throws IOException {
        Path file = plantedMistakes();

        CommandRun run = CommandRun.of("check", "--json", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode files = new ObjectMapper().readTree(run.out());
        assertThat(files.isArray()).isTrue();
        JsonNode checked = files.get(0);
        assertThat(fieldNames(checked)).containsExactly("file", "unmatchedMentions", "uncitedReferences",
                "invalidIdentifiers", "duplicateReferences", "readability", "trust", "retractedReferences", "pemat");
        assertThat(checked.get("file").asText()).isEqualTo(file.toString());
        assertThat(fieldNames(checked.get("unmatchedMentions").get(0))).containsExactly("text", "line");
        assertThat(checked.get("unmatchedMentions").findValuesAsText("text"))
                .containsExactlyInAnyOrder("Okafor et al.", "Lindqvist and Marsh (2016)", "A 2009 trial", "[9]");
        assertThat(checked.get("unmatchedMentions").get(0).get("line").asInt()).isEqualTo(19);
        assertThat(fieldNames(checked.get("uncitedReferences").get(0))).containsExactly("index", "text");
        assertThat(checked.get("uncitedReferences").get(0).get("index").asInt()).isEqualTo(5);
        JsonNode doi = checked.get("invalidIdentifiers").get(0);
        assertThat(fieldNames(doi)).containsExactly("index", "kind", "value", "reason");
        assertThat(doi.get("kind").asText()).isEqualTo("DOI");
        assertThat(checked.get("invalidIdentifiers").get(1).get("kind").asText()).isEqualTo("PMID");
        JsonNode duplicate = checked.get("duplicateReferences").get(0);
        assertThat(fieldNames(duplicate)).containsExactly("index", "duplicateOf");
        assertThat(duplicate.get("index").asInt()).isEqualTo(6);
        assertThat(duplicate.get("duplicateOf").asInt()).isEqualTo(1);
        JsonNode readability = checked.get("readability");
        assertThat(fieldNames(readability)).containsExactly("fleschReadingEase", "fleschKincaidGrade",
                "longSentences", "passiveShare", "smogGrade", "gunningFog", "readingGrade", "sections", "jargon");
        assertThat(readability.get("fleschKincaidGrade").isNumber()).isTrue();
        assertThat(readability.get("longSentences").isArray()).isTrue();
        assertThat(readability.get("passiveShare").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void jsonHasOneTrustEntryPerBenchmarkAndTheNewReadabilityScores() throws IOException {
        String body = """
                Rest the knee for a day or two. Lumbar pain is different [1].

                ## Later

                Then walk a little more each day.

                ## References
                - Haldane R, Achebe N. Walking for knee pain. J Knee. 2014;2:1-9. doi: 10.5555/jk.1. PMID: 25123456
                """;
        Path file = MarkdownFiles.write(temp, "trust.md", MarkdownFiles.article("trust", "Trust", body)
                .replace("summary:", "reviewed_by: Dr Rita Reviewer\nreviewed_on: 2020-01-10\nsummary:"));

        CommandRun run = CommandRun.of("check", "--json", file.toString());

        JsonNode checked = new ObjectMapper().readTree(run.out()).get(0);
        JsonNode trust = checked.get("trust");
        assertThat(fieldNames(trust)).containsExactly("authorship", "attribution", "disclosure", "currency");
        assertThat(trust.get("authorship").get("met").asBoolean()).isTrue();
        assertThat(trust.get("attribution").get("met").asBoolean()).isTrue();
        assertThat(trust.get("disclosure").get("met").asBoolean()).isFalse();
        assertThat(trust.get("currency").get("met").asBoolean()).isFalse();
        assertThat(trust.get("currency").get("detail").asText()).contains("10 January 2020");
        assertThat(checked.get("retractedReferences").isArray()).isTrue();
        assertThat(checked.get("retractedReferences")).isEmpty(); // no look-up is configured
        JsonNode readability = checked.get("readability");
        assertThat(readability.get("smogGrade").isNumber()).isTrue();
        assertThat(readability.get("gunningFog").isNumber()).isTrue();
        assertThat(readability.get("sections").findValuesAsText("heading")).containsExactly(
                "Opening (before the first heading)", "Later");
        assertThat(readability.get("sections").get(1).get("line").asInt()).isEqualTo(14);
        assertThat(readability.get("jargon").get(0).get("term").asText()).isEqualTo("lumbar");
        assertThat(readability.get("jargon").get(0).get("line").asInt()).isEqualTo(12);

        JsonNode pemat = checked.get("pemat");
        assertThat(fieldNames(pemat)).containsExactly("understandability", "actionability", "items");
        assertThat(pemat.get("items")).hasSize(24);
        assertThat(fieldNames(pemat.get("items").get(0))).containsExactly("number", "statement", "rating", "reason");
        assertThat(pemat.get("items").get(0).get("rating").isNull()).isTrue(); // item 1 is the editor's to rate
        JsonNode clearNumbers = pemat.get("items").get(5);
        assertThat(clearNumbers.get("number").asInt()).isEqualTo(6);
        assertThat(clearNumbers.get("rating").asText()).isEqualTo("na"); // no numbers but the citation marker [1]
        assertThat(fieldNames(pemat.get("understandability"))).containsExactly("percent", "agreed", "rated",
                "notApplicable", "unanswered");
        assertThat(pemat.get("understandability").get("unanswered").asInt()).isEqualTo(4); // items 1, 2, 10 and 15
        assertThat(pemat.get("actionability").get("percent").isInt()).isTrue();

        CommandRun text = CommandRun.of("check", file.toString());
        assertThat(text.out()).contains(file + ": PEMAT-P: understandability ")
                .contains(file + ": trust: meets authorship, attribution; misses disclosure (")
                .contains(file + ":12: \"lumbar\" may be jargon: try \"lower back\"")
                .contains("SMOG ").contains("reading grade");
    }

    @Test
    void pematReadsTheKeyPointsAndActionsOfTheFrontMatter() throws IOException {
        String withLists = MarkdownFiles.article("lists", "Lists", CLEAN_BODY).replace("summary: \"A test article.\"",
                "summary: \"A test article.\"\nkey_points: [\"Most knee pain settles.\"]\n"
                        + "actions: [\"Walk a little every day.\", \"See a doctor if the knee swells.\"]");
        Path bare = MarkdownFiles.write(temp, "bare.md", MarkdownFiles.article("bare", "Bare", CLEAN_BODY));
        Path listed = MarkdownFiles.write(temp, "listed.md", withLists);

        JsonNode files = new ObjectMapper().readTree(CommandRun.of("check", "--json", bare.toString(), listed.toString()).out());

        JsonNode bareItems = files.get(0).get("pemat").get("items");
        JsonNode listedItems = files.get(1).get("pemat").get("items");
        assertThat(bareItems.get(10).get("number").asInt()).isEqualTo(11);
        assertThat(bareItems.get(10).get("rating").asText()).isEqualTo("na"); // very short, no summary
        assertThat(listedItems.get(10).get("rating").asText()).isEqualTo("agree");
        assertThat(listedItems.get(10).get("reason").asText()).contains("1 key points");
        assertThat(bareItems.get(19).get("number").asInt()).isEqualTo(22);
        assertThat(bareItems.get(19).get("rating").isNull()).isTrue();
        assertThat(listedItems.get(19).get("rating").asText()).isEqualTo("agree");
        assertThat(listedItems.get(19).get("reason").asText()).contains("2 separate actions");
    }

    @Test
    void helpStatesTheTargetAndTheExitCodes() {
        CommandRun run = CommandRun.of("check", "--help");

        assertThat(run.out()).contains("grade above 8").contains("Exit codes:").contains("a file could not be read");
    }

    private Path plantedMistakes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/evidence/knee-osteoarthritis.md")) {
            Path file = temp.resolve("knee.md");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
