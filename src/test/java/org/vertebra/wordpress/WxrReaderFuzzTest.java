package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vertebra.support.FuzzCorpus;

/**
 * A WordPress export is a file from elsewhere, often truncated or edited by hand: whatever its
 * bytes, {@link WxrReader} reads it or stops with a {@link WxrProblem} that says where, never
 * expands an entity or fetches a DTD, and never takes long. The corpus is
 * {@code src/test/resources/fuzz/wordpress/}.
 */
class WxrReaderFuzzTest {

    static Stream<Named<byte[]>> corpus() {
        return FuzzCorpus.of("wordpress");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusExportIsReadOrRefusedAtAPlace(byte[] input) {
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
        try {
            new WxrReader().read(new ByteArrayInputStream(input), new WxrReader.Visitor() {
                @Override
                public void item(WxrItem item) {
                    assertThat(item.line()).isNotNegative();
                    assertThat(item.meta()).isNotNull();
                }
            }, bytes -> assertThat(bytes).isBetween(0L, (long) input.length));
        } catch (WxrProblem problem) {
            assertThat(problem.line()).isNotNegative();
            assertThat(problem.getMessage()).isNotBlank();
        }
    }
}
