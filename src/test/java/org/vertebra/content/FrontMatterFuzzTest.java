package org.vertebra.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertebra.support.FuzzCorpus;

/**
 * Imported Markdown files come from anyone's editor: whatever the text, {@link FrontMatterParser}
 * gives a front matter with a title and a valid slug, or an {@link ImportProblem} at a line of the
 * file, and never takes long (YAML anchors and aliases included). The corpus is
 * {@code src/test/resources/fuzz/front-matter/}.
 */
class FrontMatterFuzzTest {

    static Stream<Named<byte[]>> corpus() {
        return FuzzCorpus.of("front-matter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileGivesAFrontMatterOrAProblemAtALine(byte[] input) {
        FuzzCorpus.withinTimeLimit(() -> check(input));
    }

    /** Coverage-guided fuzzing with Jazzer: {@code bench/fuzz.sh} runs it for a set time. */
    @FuzzTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @EnabledIfEnvironmentVariable(named = "JAZZER_FUZZ", matches = "1")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        String source = new String(input, StandardCharsets.UTF_8);
        try {
            FrontMatterParser.Parsed parsed = new FrontMatterParser().parse(source);
            assertThat(parsed.frontMatter().title()).isNotBlank();
            assertThat(parsed.frontMatter().slug()).matches("[a-z0-9]+(-[a-z0-9]+)*");
        } catch (ImportProblem problem) {
            assertThat(problem.line()).isPositive();
            assertThat(problem.getMessage()).isNotBlank();
        }
    }
}
