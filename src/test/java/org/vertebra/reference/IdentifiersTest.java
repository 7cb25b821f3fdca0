package org.vertebra.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void aDoiLosesItsLabelItsAddressItsSpacesAndTheFullStopThatEndsTheSentence() {
        assertThat(Identifiers.doi("10.1056/NEJMoa2034577")).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.doi("doi: 10.1056/NEJMoa2034577.")).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.doi("DOI:10.1056/NEJMoa2034577")).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.doi("  https://doi.org/10.1056/NEJMoa2034577 ")).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.doi("HTTP://DX.DOI.ORG/10.1056/NEJMoa2034577")).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.doi("doi.org/10.1016/S0140-6736(20)30183-5")).isEqualTo("10.1016/S0140-6736(20)30183-5");
        assertThat(Identifiers.doi("https://doi.org/10.1002%2F%28SICI%291097-0258")).as("an address is decoded")
                .isEqualTo("10.1002/(SICI)1097-0258");
        assertThat(Identifiers.doi("10.1056/ NEJMoa2034577")).as("a line break in a pasted DOI").isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.doi("10.1000.10/123456")).as("a registrant with a sub-division").isEqualTo("10.1000.10/123456");
    }

    @Test
    void aDoiPastedWithItsPubMedLabelsAndNoBreakSpacesIsTheDoiAlone() {
        assertThat(Identifiers.doi("doi: 10.1016/S0254-6272(13)60066-7.\u00a0[PubMed]")).isEqualTo("10.1016/S0254-6272(13)60066-7");
        assertThat(Identifiers.doi("doi: 10.1016/S0254-6272(13)60066-7. [PMC free article] [PubMed] [Google Scholar]"))
                .isEqualTo("10.1016/S0254-6272(13)60066-7");
        assertThat(Identifiers.doi("\u00a010.1056/NEJMoa2034577\u202f")).isEqualTo("10.1056/NEJMoa2034577");
        assertThat(Identifiers.pmid("PMID:\u00a012345678[PubMed]")).isEqualTo("12345678");
    }

    @Test
    void somethingThatIsNoDoiIsRefusedWithAnExample() {
        for (String bad : new String[] {"11.1056/NEJMoa2034577", "10.105/abc", "10.1056", "10.1056/", "NEJMoa2034577",
                "https://example.org/10.1056/x"}) {
            assertThatThrownBy(() -> Identifiers.doi(bad)).as(bad)
                    .isInstanceOf(Identifiers.InvalidIdentifier.class)
                    .hasMessageContaining("is not a DOI")
                    .hasMessageContaining("10.1056/NEJMoa2034577");
        }
        assertThatThrownBy(() -> Identifiers.doi(" doi: ")).hasMessage("The DOI is empty. A DOI looks like 10.1056/NEJMoa2034577.");
    }

    @Test
    void aPmidIsOneToEightDigitsFromALabelAnAddressOrTheNumber() {
        assertThat(Identifiers.pmid("33301246")).isEqualTo("33301246");
        assertThat(Identifiers.pmid("PMID: 33301246.")).isEqualTo("33301246");
        assertThat(Identifiers.pmid("pmid33301246")).isEqualTo("33301246");
        assertThat(Identifiers.pmid("https://pubmed.ncbi.nlm.nih.gov/33301246/")).isEqualTo("33301246");
        assertThat(Identifiers.pmid("1")).isEqualTo("1");
        for (String bad : new String[] {"123456789", "0", "0123", "3330124a", "PMC7745181", "-5"}) {
            assertThatThrownBy(() -> Identifiers.pmid(bad)).as(bad)
                    .isInstanceOf(Identifiers.InvalidIdentifier.class)
                    .hasMessage("'" + bad + "' is not a PMID: a PMID is a number of one to eight digits, as in 33301246.");
        }
    }

    @Test
    void parseTellsADoiFromAPmid() {
        assertThat(Identifiers.parse("doi:10.1056/NEJMoa2034577"))
                .isEqualTo(new Identifiers.Identifier(Identifiers.Kind.DOI, "10.1056/NEJMoa2034577"));
        assertThat(Identifiers.parse(" 33301246 "))
                .isEqualTo(new Identifiers.Identifier(Identifiers.Kind.PMID, "33301246"));
        assertThat(Identifiers.parse("PMID: 12110735"))
                .isEqualTo(new Identifiers.Identifier(Identifiers.Kind.PMID, "12110735"));
        assertThatThrownBy(() -> Identifiers.parse("Polack 2020"))
                .isInstanceOf(Identifiers.InvalidIdentifier.class)
                .hasMessage("'Polack 2020' is neither a DOI (such as 10.1056/NEJMoa2034577) nor a PMID (such as 33301246).")
                .extracting(e -> ((Identifiers.InvalidIdentifier) e).kind()).isNull();
        assertThatThrownBy(() -> Identifiers.parse("10.1056"))
                .extracting(e -> ((Identifiers.InvalidIdentifier) e).kind()).isEqualTo(Identifiers.Kind.DOI);
    }
}
