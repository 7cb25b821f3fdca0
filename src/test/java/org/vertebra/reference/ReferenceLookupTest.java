package org.vertebra.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vertebra.reference.FakeBibliographicServices.BROKEN_DOI;
import static org.vertebra.reference.FakeBibliographicServices.BROKEN_PMID;
import static org.vertebra.reference.FakeBibliographicServices.MOSELEY_PMID;
import static org.vertebra.reference.FakeBibliographicServices.NOT_JSON_DOI;
import static org.vertebra.reference.FakeBibliographicServices.POLACK_DOI;
import static org.vertebra.reference.FakeBibliographicServices.POLACK_PMID;
import static org.vertebra.reference.FakeBibliographicServices.SHAPELESS_DOI;
import static org.vertebra.reference.FakeBibliographicServices.SLOW_DOI;
import static org.vertebra.reference.FakeBibliographicServices.SLOW_PMID;
import static org.vertebra.reference.FakeBibliographicServices.TENDON_DOI;
import static org.vertebra.reference.FakeBibliographicServices.TRUNCATED_PMID;
import static org.vertebra.reference.FakeBibliographicServices.UNKNOWN_DOI;
import static org.vertebra.reference.FakeBibliographicServices.UNKNOWN_PMID;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vertebra.support.TestClock;

/** Crossref and PubMed look-ups against a local fake of each service, answering as they do and failing as they can. */
class ReferenceLookupTest {

    static final JsonService.Timeouts QUICK = new JsonService.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(400));
    static final String USER_AGENT = ReferenceLookups.userAgent("https://clinic.example");

    private static FakeBibliographicServices services;
    private TestClock clock;
    private ReferenceLookup lookup;

    @BeforeAll
    static void startServices() {
        services = new FakeBibliographicServices();
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @BeforeEach
    void freshLookup() {
        clock = TestClock.at("2025-03-01T09:00:00Z");
        lookup = ReferenceLookups.from(services.crossrefUrl(), services.pubmedUrl(), USER_AGENT, QUICK, clock);
    }

    @Test
    void crossrefGivesEveryPartOfAJournalArticle() {
        Citation polack = lookup.byDoi("https://doi.org/" + POLACK_DOI).orElseThrow();

        assertThat(polack.authors()).hasSize(8);
        assertThat(polack.authors().subList(0, 3)).containsExactly(new Citation.Author("Polack", "FP"),
                new Citation.Author("Thomas", "SJ"), new Citation.Author("Kitchin", "N"));
        assertThat(polack.authors().get(7)).as("a group author").isEqualTo(new Citation.Author("C4591001 Clinical Trial Group", ""));
        assertThat(polack.title()).isEqualTo("Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine");
        assertThat(polack.journal()).isEqualTo("N Engl J Med");
        assertThat(polack.year()).isEqualTo("2020");
        assertThat(polack.volume()).isEqualTo("383");
        assertThat(polack.issue()).isEqualTo("27");
        assertThat(polack.pages()).isEqualTo("2603-2615");
        assertThat(polack.doi()).isEqualTo(POLACK_DOI);
        assertThat(polack.pmid()).isNull();
        assertThat(polack.url()).isNull();
        assertThat(VancouverFormatter.format(polack)).isEqualTo("Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, "
                + "Lockhart S, et al. Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine. N Engl J Med. "
                + "2020;383(27):2603-15. doi:10.1056/NEJMoa2034577.");
        FakeBibliographicServices.Request request = services.requests().stream()
                .filter(r -> r.path().endsWith(POLACK_DOI)).findFirst().orElseThrow();
        assertThat(request.path()).isEqualTo("/crossref/works/10.1056/NEJMoa2034577");
        assertThat(request.userAgent()).isEqualTo("Vertebra/1 (reference look-ups; +https://clinic.example)");
    }

    @Test
    void crossrefTitlesLoseTheirMarkupAndIsoAbbreviationsTheirFullStops() {
        Citation tendon = lookup.byDoi("doi:" + TENDON_DOI.toLowerCase(java.util.Locale.ROOT)).orElseThrow();

        assertThat(tendon.authors()).containsExactly(new Citation.Author("Dubois", "JP"), new Citation.Author("Okafor", "AM"));
        assertThat(tendon.title()).isEqualTo("Early loading after in vivo tendon repair & the risk of gap formation.");
        assertThat(tendon.journal()).isEqualTo("J Orthop Res");
        assertThat(tendon.year()).isEqualTo("2019");
        assertThat(tendon.issue()).isNull();
        assertThat(VancouverFormatter.format(tendon)).isEqualTo("Dubois JP, Okafor AM. Early loading after in vivo tendon"
                + " repair & the risk of gap formation. J Orthop Res. 2019;37:1099-101. doi:10.5555/VERTEBRA.2019.0042.");
    }

    @Test
    void pubmedGivesEveryPartAndTheDoi() {
        Citation moseley = lookup.byPmid("PMID: " + MOSELEY_PMID).orElseThrow();

        assertThat(moseley.authors()).hasSize(9);
        assertThat(moseley.authors().get(0)).isEqualTo(new Citation.Author("Moseley", "JB"));
        assertThat(moseley.authors().get(1)).isEqualTo(new Citation.Author("O'Malley", "K"));
        assertThat(moseley.title()).isEqualTo("A controlled trial of arthroscopic surgery for osteoarthritis of the knee.");
        assertThat(moseley.journal()).isEqualTo("N Engl J Med");
        assertThat(moseley.year()).isEqualTo("2002");
        assertThat(moseley.volume()).isEqualTo("347");
        assertThat(moseley.issue()).isEqualTo("2");
        assertThat(moseley.pages()).isEqualTo("81-8");
        assertThat(moseley.doi()).isEqualTo("10.1056/NEJMoa013259");
        assertThat(moseley.pmid()).isEqualTo(MOSELEY_PMID);
        assertThat(VancouverFormatter.format(moseley)).isEqualTo("Moseley JB, O'Malley K, Petersen NJ, Menke TJ, Brody BA,"
                + " Kuykendall DH, et al. A controlled trial of arthroscopic surgery for osteoarthritis of the knee."
                + " N Engl J Med. 2002;347(2):81-8. doi:10.1056/NEJMoa013259. PMID: 12110735.");
        assertThat(services.requests()).anySatisfy(r -> {
            assertThat(r.path()).isEqualTo("/eutils/esummary.fcgi");
            assertThat(r.query()).startsWith("db=pubmed&id=12110735&retmode=json");
        });
    }

    @Test
    void pubmedKeepsAGroupAuthorWhole() {
        List<Citation.Author> authors = lookup.byPmid(POLACK_PMID).orElseThrow().authors();

        assertThat(authors.get(6)).isEqualTo(new Citation.Author("Perez", "JL"));
        assertThat(authors.get(7)).isEqualTo(new Citation.Author("C4591001 Clinical Trial Group", ""));
    }

    @Test
    void anIdentifierTheServiceDoesNotKnowIsNotFound() {
        assertThat(lookup.byDoi(UNKNOWN_DOI)).isEmpty();
        assertThat(lookup.byPmid(UNKNOWN_PMID)).isEmpty();
        assertThat(lookup.byIdentifier("PMID " + UNKNOWN_PMID)).isEmpty();
    }

    @Test
    void anIdentifierIsFetchedOnceAnHour() {
        lookup.byDoi(POLACK_DOI);
        lookup.byDoi("doi:10.1056/nejmoa2034577");
        lookup.byPmid(POLACK_PMID);
        lookup.byPmid(POLACK_PMID);
        lookup.byDoi(UNKNOWN_DOI);
        lookup.byDoi(UNKNOWN_DOI);
        long before = services.requests().size();
        assertThat(before).isGreaterThanOrEqualTo(3);
        lookup.byDoi(POLACK_DOI);
        lookup.byPmid(POLACK_PMID);
        lookup.byDoi(UNKNOWN_DOI);
        assertThat(services.requests()).as("answers, found or not, are kept").hasSize((int) before);

        clock.advance(Duration.ofMinutes(61));
        lookup.byDoi(POLACK_DOI);

        assertThat(services.requests()).as("an hour later it asks again").hasSize((int) before + 1);
    }

    @Test
    void aServiceErrorIsAFailureNotANotFound() {
        expectFailure(() -> lookup.byDoi(BROKEN_DOI), LookupFailure.Reason.SERVICE_ERROR, "Crossref answered with an error (HTTP 500)");
        expectFailure(() -> lookup.byPmid(BROKEN_PMID), LookupFailure.Reason.SERVICE_ERROR, "PubMed answered with an error (HTTP 500)");
    }

    @Test
    void aSlowServiceTimesOutQuickly() {
        long start = System.nanoTime();
        expectFailure(() -> lookup.byDoi(SLOW_DOI), LookupFailure.Reason.TIMED_OUT, "Crossref did not answer within 400 ms");
        expectFailure(() -> lookup.byPmid(SLOW_PMID), LookupFailure.Reason.TIMED_OUT, "PubMed did not answer within 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(FakeBibliographicServices.SLOW_MILLIS));
    }

    @Test
    void anAnswerThatIsNotTheDocumentedJsonIsMalformed() {
        expectFailure(() -> lookup.byDoi(NOT_JSON_DOI), LookupFailure.Reason.MALFORMED_ANSWER, "Crossref answered something that is not JSON");
        expectFailure(() -> lookup.byDoi(SHAPELESS_DOI), LookupFailure.Reason.MALFORMED_ANSWER, "no \"message\" object");
        expectFailure(() -> lookup.byPmid(TRUNCATED_PMID), LookupFailure.Reason.MALFORMED_ANSWER, "PubMed answered something that is not JSON");
    }

    @Test
    void failuresAreNotKeptSoTheNextLookUpTriesAgain() {
        long before = services.requestsFor(BROKEN_DOI);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> lookup.byDoi(BROKEN_DOI)).isInstanceOf(LookupFailure.class);
        }
        assertThat(services.requestsFor(BROKEN_DOI)).isEqualTo(before + 2);
    }

    @Test
    void aServiceThatDoesNotListenIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ReferenceLookup nowhere = ReferenceLookups.from("http://127.0.0.1:" + closedPort, "", USER_AGENT, QUICK, clock);

        expectFailure(() -> nowhere.byDoi(POLACK_DOI), LookupFailure.Reason.UNREACHABLE, "Crossref could not be reached at http://127.0.0.1:");
        expectFailure(() -> nowhere.byPmid(POLACK_PMID), LookupFailure.Reason.NOT_CONFIGURED, "set VERTEBRA_PUBMED_URL");
    }

    @Test
    void withoutAddressesLookUpsAreOffAndSaySoButStillCheckTheIdentifier() {
        ReferenceLookup off = ReferenceLookups.from("", "", USER_AGENT, QUICK, clock);

        assertThat(off.enabled()).isFalse();
        assertThat(off).isInstanceOf(NoLookup.class);
        expectFailure(() -> off.byDoi(POLACK_DOI), LookupFailure.Reason.NOT_CONFIGURED,
                "DOI look-ups are off: set VERTEBRA_CROSSREF_URL (crossref.url)");
        expectFailure(() -> off.byPmid(POLACK_PMID), LookupFailure.Reason.NOT_CONFIGURED,
                "PMID look-ups are off: set VERTEBRA_PUBMED_URL (pubmed.url)");
        assertThatThrownBy(() -> off.byPmid("PMC123")).isInstanceOf(Identifiers.InvalidIdentifier.class);
        assertThat(lookup.enabled()).isTrue();
    }

    @Test
    void anInvalidIdentifierIsNeverSentToTheService() {
        long before = services.requests().size();
        assertThatThrownBy(() -> lookup.byDoi("10.12/x")).isInstanceOf(Identifiers.InvalidIdentifier.class);
        assertThatThrownBy(() -> lookup.byPmid("123456789")).isInstanceOf(Identifiers.InvalidIdentifier.class);
        assertThat(services.requests()).hasSize((int) before);
    }

    private static void expectFailure(ThrowingCallable call, LookupFailure.Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOf(LookupFailure.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((LookupFailure) e).reason()).isEqualTo(reason));
    }
}
