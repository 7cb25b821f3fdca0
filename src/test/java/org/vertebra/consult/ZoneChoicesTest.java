package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The booking page's zone list: readable names, the common zones first, and what a person types found. */
class ZoneChoicesTest {

    private static final Instant MARCH = Instant.parse("2026-03-02T06:00:00Z");

    @Test
    void listsTheChosenAndTheDoctorsZoneThenTheCommonOnesThenEveryOtherOnceUnderItsCurrentName() {
        List<ZoneChoices.Choice> list = ZoneChoices.list(ZoneId.of("Asia/Tokyo"), ZoneId.of("Europe/London"), MARCH);

        assertThat(list.subList(0, 4)).extracting(ZoneChoices.Choice::id)
                .containsExactly("Asia/Tokyo", "Europe/London", "America/Los_Angeles", "America/Denver");
        assertThat(list).extracting(ZoneChoices.Choice::id).doesNotHaveDuplicates()
                .contains("Pacific/Chatham", "Asia/Kolkata").doesNotContain("Asia/Calcutta", "Europe/Kiev");
        assertThat(list).filteredOn(c -> c.id().equals("Asia/Kolkata")).singleElement()
                .extracting(ZoneChoices.Choice::label).isEqualTo("Kolkata (Asia) - India Time, UTC+05:30");
        assertThat(ZoneChoices.label(ZoneId.of("America/Argentina/Buenos_Aires"), MARCH))
                .isEqualTo("Buenos Aires (America, Argentina) - Argentina Time, UTC-03:00");
    }

    @Test
    void findsAZoneByItsIdItsOldNameItsLabelOrItsCity() {
        assertThat(ZoneChoices.find("Asia/Kolkata")).contains(ZoneId.of("Asia/Kolkata"));
        assertThat(ZoneChoices.find("Asia/Calcutta")).contains(ZoneId.of("Asia/Kolkata"));
        assertThat(ZoneChoices.find("new york")).contains(ZoneId.of("America/New_York"));
        assertThat(ZoneChoices.find("Kolkata (Asia) - India Time, UTC+05:30")).contains(ZoneId.of("Asia/Kolkata"));
        assertThat(ZoneChoices.find("Atlantis")).isEmpty();
        assertThat(ZoneChoices.find(" ")).isEmpty();
    }
}
