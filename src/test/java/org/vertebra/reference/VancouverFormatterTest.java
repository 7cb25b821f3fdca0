package org.vertebra.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VancouverFormatterTest {

    static final List<Citation.Author> POLACK_AUTHORS = List.of(author("Polack", "FP"), author("Thomas", "SJ"),
            author("Kitchin", "N"), author("Absalon", "J"), author("Gurtman", "A"), author("Lockhart", "S"),
            author("Perez", "JL"), author("C4591001 Clinical Trial Group", ""));

    @Test
    void aTrialWithManyAuthorsListsSixThenEtAl() {
        Citation polack = new Citation(POLACK_AUTHORS, "Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine",
                "N Engl J Med", "2020", "383", "27", "2603-2615", "10.1056/NEJMoa2034577", "33301246", null);

        assertThat(VancouverFormatter.format(polack)).isEqualTo("Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, "
                + "Lockhart S, et al. Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine. N Engl J Med. "
                + "2020;383(27):2603-15. doi:10.1056/NEJMoa2034577. PMID: 33301246.");
    }

    @Test
    void sixAuthorsAreAllListedWithoutEtAl() {
        Citation six = new Citation(POLACK_AUTHORS.subList(0, 6), "A title.", "J Test", "2021", "1", "2", "3-4", null, null, null);

        assertThat(VancouverFormatter.format(six)).isEqualTo("Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A, "
                + "Lockhart S. A title. J Test. 2021;1(2):3-4.");
    }

    @Test
    void aTitleThatEndsInAFullStopOrAQuestionMarkGetsNoSecondOne() {
        Citation moseley = new Citation(List.of(author("Moseley", "JB"), author("O'Malley", "K")),
                "A controlled trial of arthroscopic surgery for osteoarthritis of the knee.", "N Engl J Med", "2002",
                "347", "2", "81-8", "10.1056/NEJMoa013259", "12110735", null);
        Citation question = new Citation(List.of(author("Roe", "J")), "Does rest help low back pain?", "Spine (Phila Pa 1976)",
                "2015", "40", null, "1-10", null, null, null);

        assertThat(VancouverFormatter.format(moseley)).isEqualTo("Moseley JB, O'Malley K. A controlled trial of arthroscopic"
                + " surgery for osteoarthritis of the knee. N Engl J Med. 2002;347(2):81-8. doi:10.1056/NEJMoa013259."
                + " PMID: 12110735.");
        assertThat(VancouverFormatter.format(question)).isEqualTo("Roe J. Does rest help low back pain? Spine (Phila Pa 1976)."
                + " 2015;40:1-10.");
    }

    @Test
    void missingPartsAreLeftOutWithTheirPunctuation() {
        Citation noVolume = new Citation(List.of(author("Doe", "J")), "Heel pain", "Foot", "2012", null, "3", "15-21", null,
                null, null);
        Citation yearOnly = new Citation(List.of(), "Heel pain", "Foot", "2012", null, null, null, null, "12345678", null);
        Citation noYear = new Citation(List.of(author("Doe", "J")), null, "Foot", null, "5", "3", "e1234", null, null, null);
        Citation addressOnly = new Citation(List.of(author("National Institute for Health and Care Excellence", "")),
                "Low back pain and sciatica in over 16s", null, "2016", null, null, null, null, null,
                "https://www.nice.org.uk/guidance/ng59");
        Citation nothing = new Citation(null, " ", null, null, null, null, null, null, null, null);

        assertThat(VancouverFormatter.format(noVolume)).isEqualTo("Doe J. Heel pain. Foot. 2012;(3):15-21.");
        assertThat(VancouverFormatter.format(yearOnly)).isEqualTo("Heel pain. Foot. 2012. PMID: 12345678.");
        assertThat(VancouverFormatter.format(noYear)).isEqualTo("Doe J. Foot. 5(3):e1234.");
        assertThat(VancouverFormatter.format(addressOnly)).isEqualTo("National Institute for Health and Care Excellence."
                + " Low back pain and sciatica in over 16s. 2016. Available from: https://www.nice.org.uk/guidance/ng59");
        assertThat(VancouverFormatter.format(nothing)).isEmpty();
    }

    @Test
    void pageRangesKeepOnlyTheDigitsThatChange() {
        assertThat(VancouverFormatter.shortenPages("123-129")).isEqualTo("123-9");
        assertThat(VancouverFormatter.shortenPages("2603\u20132615")).isEqualTo("2603-15");
        assertThat(VancouverFormatter.shortenPages("1099-1101")).isEqualTo("1099-101");
        assertThat(VancouverFormatter.shortenPages("100-109")).isEqualTo("100-9");
        assertThat(VancouverFormatter.shortenPages("99-101")).isEqualTo("99-101");
        assertThat(VancouverFormatter.shortenPages("81-8")).as("already short").isEqualTo("81-8");
        assertThat(VancouverFormatter.shortenPages("45-45")).isEqualTo("45");
        assertThat(VancouverFormatter.shortenPages("S12-S19")).isEqualTo("S12-9");
        assertThat(VancouverFormatter.shortenPages("123-129, 135-140")).isEqualTo("123-9, 135-40");
        assertThat(VancouverFormatter.shortenPages("e1234")).isEqualTo("e1234");
        assertThat(VancouverFormatter.shortenPages("S12-T3")).isEqualTo("S12-T3");
    }

    static Citation.Author author(String surname, String initials) {
        return new Citation.Author(surname, initials);
    }
}
