package org.vertebra.reference;

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
 * DOIs and PMIDs come pasted from anywhere (journals, PubMed, WordPress exports): whatever the text,
 * {@link Identifiers} answers with a DOI or PMID of the right form or with an {@link Identifiers.InvalidIdentifier}
 * that says why, and never takes long. The corpus is {@code src/test/resources/fuzz/identifiers/}.
 */
class IdentifiersFuzzTest {

    static Stream<Named<byte[]>> corpus() {
        return FuzzCorpus.of("identifiers");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusInputGivesAWellFormedIdentifierOrAClearRefusal(byte[] input) {
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
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            assertThat(Identifiers.doi(text)).matches("10\\.\\d{4,9}(?:\\.\\d+)*/\\S+");
        } catch (Identifiers.InvalidIdentifier refused) {
            assertThat(refused.getMessage()).contains("DOI");
        }
        try {
            assertThat(Identifiers.pmid(text)).matches("[1-9]\\d{0,7}");
        } catch (Identifiers.InvalidIdentifier refused) {
            assertThat(refused.getMessage()).contains("PMID");
        }
        try {
            Identifiers.Identifier identifier = Identifiers.parse(text);
            assertThat(identifier.value()).isNotBlank();
        } catch (Identifiers.InvalidIdentifier refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        String doi = Identifiers.doiOrNull(text);
        if (doi != null) {
            assertThat(Identifiers.doi(doi)).as("a DOI read again is the same DOI").isEqualTo(doi);
        }
    }
}
