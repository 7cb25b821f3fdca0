package org.vertebra.retraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertebra.content.Reference;
import org.vertebra.reference.FakeBibliographicServices;
import org.vertebra.reference.ReferenceLookups;
import org.vertebra.reference.UpdateNotice;

/**
 * The questions to Crossref and PubMed, against a local fake answering in their documented shapes:
 * a retracted work, a corrected one, an expression of concern, an unknown DOI, a slow answer and a
 * server error, each reported for what it is.
 */
class RetractionCheckTest {

    private FakeBibliographicServices fake;
    private RetractionCheck check;

    @BeforeEach
    void start() {
        fake = new FakeBibliographicServices();
        check = new RetractionCheck(ReferenceLookups.from(fake.crossrefUrl(), fake.pubmedUrl(),
                ReferenceLookups.userAgent("https://clinic.example", "desk@clinic.example"), Duration.ofSeconds(2),
                Duration.ofMillis(500), Clock.systemUTC()), new TokenBucket(100, () -> 0, nanos -> { }), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Reference doi(String doi) {
        return new Reference("A work. doi: " + doi, doi, null, null);
    }

    @Test
    void aRetractionFromThePublisherAndRetractionWatchIsOneNotice() {
        CheckedIdentifier answer = check.ask(doi(FakeBibliographicServices.RETRACTED_DOI));

        assertThat(answer.outcome()).isEqualTo(CheckedIdentifier.CHECKED);
        assertThat(answer.notices()).containsExactly(new UpdateNotice(UpdateNotice.RETRACTION,
                FakeBibliographicServices.RETRACTION_NOTICE_DOI, "Crossref"));
        assertThat(answer.notices().get(0).isRetraction()).isTrue();
    }

    @Test
    void aCorrectionIsReportedAndANewVersionIsNot() {
        CheckedIdentifier answer = check.ask(doi(FakeBibliographicServices.CORRECTED_DOI));

        assertThat(answer.notices()).extracting(UpdateNotice::kind).containsExactly(UpdateNotice.CORRECTION);
        assertThat(answer.notices().get(0).isRetraction()).isFalse();
    }

    @Test
    void anExpressionOfConcernIsFoundThroughTheNoticesUpdateTo() {
        CheckedIdentifier answer = check.ask(doi(FakeBibliographicServices.CONCERN_DOI));

        assertThat(answer.notices()).containsExactly(new UpdateNotice(UpdateNotice.EXPRESSION_OF_CONCERN,
                FakeBibliographicServices.CONCERN_NOTICE_DOI, "Crossref"));
        assertThat(fake.requestsMatching("filter=updates%3A" + FakeBibliographicServices.CONCERN_DOI.replace("/", "%2F")))
                .isEqualTo(1);
    }

    @Test
    void anUnknownDoiIsUnknownNotClean() {
        CheckedIdentifier answer = check.ask(doi(FakeBibliographicServices.UNKNOWN_DOI));

        assertThat(answer.outcome()).isEqualTo(CheckedIdentifier.UNKNOWN);
        assertThat(answer.notices()).isEmpty();
    }

    @Test
    void aSlowAnswerIsAFailureThatSaysSo() {
        CheckedIdentifier answer = check.ask(doi(FakeBibliographicServices.SLOW_DOI));

        assertThat(answer.outcome()).isEqualTo(CheckedIdentifier.FAILED);
        assertThat(answer.failure()).contains("did not answer within 500 ms");
    }

    @Test
    void aServerErrorIsAFailureThatSaysSo() {
        CheckedIdentifier answer = check.ask(doi(FakeBibliographicServices.BROKEN_DOI));

        assertThat(answer.outcome()).isEqualTo(CheckedIdentifier.FAILED);
        assertThat(answer.failure()).contains("HTTP 500");
    }

    @Test
    void pubmedReportsARetractedPublicationWithItsLinkedNotice() {
        CheckedIdentifier answer = check.ask(new Reference("A trial. PMID: 20000777", null,
                FakeBibliographicServices.RETRACTED_PMID, null));

        assertThat(answer.identifier()).isEqualTo("pmid:20000777");
        assertThat(answer.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(UpdateNotice.RETRACTION);
            assertThat(n.notice()).isEqualTo("PMID 20000778: J Test Orthop. 2020 Oct;7(4):1");
            assertThat(n.source()).isEqualTo("PubMed");
        });
    }

    @Test
    void anUnknownPmidIsUnknown() {
        assertThat(check.ask(new Reference("x", null, "99999999", null)).outcome()).isEqualTo(CheckedIdentifier.UNKNOWN);
    }

    @Test
    void flagsNumberReferencesAsTheListDoesAndNameTheIdentifierChecked() {
        List<RetractedReference> flagged = check.flagged(List.of(
                new Reference("No identifier.", null, null, "https://example.org"),
                doi(FakeBibliographicServices.RETRACTED_DOI),
                new Reference("A trial.", null, FakeBibliographicServices.RETRACTED_PMID, null),
                doi(FakeBibliographicServices.TENDON_DOI_FOR_TESTS)));

        assertThat(flagged).containsExactly(
                new RetractedReference(2, FakeBibliographicServices.RETRACTED_DOI, null, "retraction",
                        FakeBibliographicServices.RETRACTION_NOTICE_DOI),
                new RetractedReference(3, null, "20000777", "retraction", "PMID 20000778: J Test Orthop. 2020 Oct;7(4):1"));
    }

    @Test
    void sendsAUserAgentWithTheContactAddress() {
        check.ask(doi(FakeBibliographicServices.RETRACTED_DOI));

        assertThat(fake.userAgents()).allMatch(ua -> ua.equals(
                "Vertebra/1 (reference look-ups; +https://clinic.example; mailto:desk@clinic.example)"));
    }

    @Test
    void theTokenBucketWaitsOnceItsBurstIsSpent() {
        long[] now = {0};
        List<Long> waits = new ArrayList<>();
        TokenBucket bucket = new TokenBucket(2, () -> now[0], nanos -> {
            waits.add(nanos);
            now[0] += nanos;
        });

        for (int i = 0; i < 4; i++) {
            try {
                bucket.acquire();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        // Two at once, then one every half second.
        assertThat(waits).containsExactly(500_000_000L, 500_000_000L);
    }
}
