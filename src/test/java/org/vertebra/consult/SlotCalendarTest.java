package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slot generation: zones, daylight-saving days, buffers, notice, horizon and exceptions, with no database. */
class SlotCalendarTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** A Sunday, long before the dates asked about. */
    private static final Instant LONG_BEFORE = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void showsKolkataHoursAsInstantsInTheViewersZone() {
        Availability rules = weekdays(KOLKATA, 30, 0, "10:00-13:00", "17:00-19:00");
        LocalDate monday = LocalDate.of(2026, 3, 2);

        List<Slot> inKolkata = SlotCalendar.free(rules, List.of(), LONG_BEFORE, monday, monday, KOLKATA);
        List<Slot> inLondon = SlotCalendar.free(rules, List.of(), LONG_BEFORE, monday, monday, LONDON);

        assertThat(inKolkata).hasSize(10);
        assertThat(inKolkata.get(0)).isEqualTo(new Slot(Instant.parse("2026-03-02T04:30:00Z"), Instant.parse("2026-03-02T05:00:00Z")));
        assertThat(inKolkata.get(6).start()).isEqualTo(Instant.parse("2026-03-02T11:30:00Z"));
        assertThat(inLondon).isEqualTo(inKolkata); // London is on UTC in March: the same day holds them all
    }

    @Test
    void readsTheDateRangeInTheViewersZone() {
        Availability rules = weekdays(KOLKATA, 30, 0, "10:00-13:00");
        // Monday 10:00 in Kolkata is Sunday 20:30 in Los Angeles.
        LocalDate sunday = LocalDate.of(2026, 3, 1);

        List<Slot> sundayInLa = SlotCalendar.free(rules, List.of(), LONG_BEFORE, sunday, sunday, LOS_ANGELES);

        assertThat(sundayInLa).extracting(s -> s.start().atZone(LOS_ANGELES).toLocalTime().toString())
                .containsExactly("20:30", "21:00", "21:30", "22:00", "22:30", "23:00");
        assertThat(SlotCalendar.free(rules, List.of(), LONG_BEFORE, sunday, sunday, KOLKATA)).isEmpty();
    }

    @Test
    void londonHoursMoveAnHourForAKolkataPatientWhenBritishSummerTimeStarts() {
        Availability rules = weekdays(LONDON, 30, 0, "09:00-17:00");
        LocalDate friday = LocalDate.of(2026, 3, 27);
        LocalDate monday = LocalDate.of(2026, 3, 30);

        Slot beforeChange = SlotCalendar.free(rules, List.of(), LONG_BEFORE, friday, friday, KOLKATA).get(0);
        Slot afterChange = SlotCalendar.free(rules, List.of(), LONG_BEFORE, monday, monday, KOLKATA).get(0);

        assertThat(beforeChange.start().atZone(KOLKATA).toLocalTime()).isEqualTo(LocalTime.of(14, 30));
        assertThat(afterChange.start().atZone(KOLKATA).toLocalTime()).isEqualTo(LocalTime.of(13, 30));
        assertThat(afterChange.start().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void londonSpringForwardDayHasNoSlotInTheMissingHour() {
        LocalDate changeDay = LocalDate.of(2026, 3, 29); // 01:00 GMT becomes 02:00 BST
        Availability rules = onDate(LONDON, changeDay, "00:00-04:00");

        List<Slot> slots = SlotCalendar.free(rules, List.of(), LONG_BEFORE, changeDay, changeDay, LONDON);

        assertThat(slots).extracting(s -> s.start().atZone(LONDON).toLocalTime().toString())
                .containsExactly("00:00", "00:30", "02:00", "02:30", "03:00", "03:30");
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofMinutes(30)));
    }

    @Test
    void londonFallBackDayOffersTheRepeatedHourTwice() {
        LocalDate changeDay = LocalDate.of(2026, 10, 25); // 02:00 BST becomes 01:00 GMT
        Availability rules = onDate(LONDON, changeDay, "00:00-04:00");

        List<Slot> slots = SlotCalendar.free(rules, List.of(), LONG_BEFORE, changeDay, changeDay, LONDON);

        assertThat(slots).hasSize(10); // five real hours between midnight and 04:00 that night
        assertThat(slots).extracting(s -> s.start().atZone(LONDON).toLocalTime().toString())
                .containsExactly("00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00", "02:30", "03:00", "03:30");
        assertThat(slots).extracting(Slot::start).doesNotHaveDuplicates();
    }

    @Test
    void newYorkSpringForwardDaySkipsTwoOClock() {
        LocalDate changeDay = LocalDate.of(2026, 3, 8); // 02:00 EST becomes 03:00 EDT
        Availability rules = onDate(NEW_YORK, changeDay, "01:00-04:00");

        List<Slot> slots = SlotCalendar.free(rules, List.of(), LONG_BEFORE, changeDay, changeDay, NEW_YORK);

        assertThat(slots).extracting(s -> s.start().atZone(NEW_YORK).toLocalTime().toString())
                .containsExactly("01:00", "01:30", "03:00", "03:30");
    }

    @Test
    void newYorkHoursMoveForALondonPatientInTheWeeksTheClocksDisagree() {
        Availability rules = weekdays(NEW_YORK, 30, 0, "09:00-12:00");
        LocalDate fridayBefore = LocalDate.of(2026, 3, 6);
        LocalDate mondayAfter = LocalDate.of(2026, 3, 9); // New York on EDT, London still on GMT

        LocalTime before = SlotCalendar.free(rules, List.of(), LONG_BEFORE, fridayBefore, fridayBefore, LONDON).get(0)
                .start().atZone(LONDON).toLocalTime();
        LocalTime after = SlotCalendar.free(rules, List.of(), LONG_BEFORE, mondayAfter, mondayAfter, LONDON).get(0)
                .start().atZone(LONDON).toLocalTime();

        assertThat(before).isEqualTo(LocalTime.of(14, 0));
        assertThat(after).isEqualTo(LocalTime.of(13, 0));
    }

    @Test
    void keepsTheBufferBetweenSlotsAndAroundBookings() {
        Availability rules = weekdays(LONDON, 20, 10, "09:00-11:00");
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Slot offGrid = new Slot(Instant.parse("2026-03-02T10:05:00Z"), Instant.parse("2026-03-02T10:25:00Z"));

        List<Slot> open = SlotCalendar.free(rules, List.of(), LONG_BEFORE, monday, monday, LONDON);
        List<Slot> withBooking = SlotCalendar.free(rules, List.of(offGrid), LONG_BEFORE, monday, monday, LONDON);

        assertThat(open).extracting(s -> s.start().atZone(LONDON).toLocalTime().toString())
                .containsExactly("09:00", "09:30", "10:00", "10:30");
        // 10:00-10:20 overlaps it, and 10:30 starts within the 10-minute buffer after it ends at 10:25.
        assertThat(withBooking).extracting(s -> s.start().atZone(LONDON).toLocalTime().toString())
                .containsExactly("09:00", "09:30");
    }

    @Test
    void closesSlotsInsideTheMinimumNotice() {
        Availability rules = new Availability(LONDON, 30, 0, Duration.ofHours(4), 30,
                hours(List.of(DayOfWeek.MONDAY), "09:00-17:00"), List.of());
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Instant now = Instant.parse("2026-03-02T08:10:00Z");

        List<Slot> slots = SlotCalendar.free(rules, List.of(), now, monday, monday, LONDON);

        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-02T12:30:00Z"));
        assertThat(SlotCalendar.isFree(rules, List.of(), now, Instant.parse("2026-03-02T12:00:00Z"))).isFalse();
        assertThat(SlotCalendar.isFree(rules, List.of(), now, Instant.parse("2026-03-02T12:30:00Z"))).isTrue();
    }

    @Test
    void opensNoSlotBeyondTheHorizon() {
        Availability rules = new Availability(LONDON, 30, 0, Duration.ZERO, 7,
                hours(List.of(DayOfWeek.values()), "09:00-10:00"), List.of());
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        List<Slot> slots = SlotCalendar.free(rules, List.of(), now, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 20), LONDON);

        assertThat(slots).isNotEmpty();
        assertThat(slots).allSatisfy(s -> assertThat(s.start()).isBeforeOrEqualTo(now.plus(Duration.ofDays(7))));
        assertThat(slots.get(slots.size() - 1).start()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
    }

    @Test
    void dayOffRemovesTheWeekAndExtraHoursAddToIt() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        LocalDate tuesday = LocalDate.of(2026, 3, 3);
        Availability rules = new Availability(LONDON, 30, 0, Duration.ZERO, 60, hours(weekdays(), "09:00-10:00"), List.of(
                DateException.dayOff(monday),
                new DateException(saturday, LocalTime.of(11, 0), LocalTime.of(12, 0)),
                DateException.dayOff(tuesday), new DateException(tuesday, LocalTime.of(15, 0), LocalTime.of(15, 30))));

        assertThat(SlotCalendar.free(rules, List.of(), LONG_BEFORE, monday, monday, LONDON)).isEmpty();
        assertThat(SlotCalendar.free(rules, List.of(), LONG_BEFORE, saturday, saturday, LONDON))
                .extracting(s -> s.start().atZone(LONDON).toLocalTime().toString()).containsExactly("11:00", "11:30");
        assertThat(SlotCalendar.free(rules, List.of(), LONG_BEFORE, tuesday, tuesday, LONDON))
                .extracting(s -> s.start().atZone(LONDON).toLocalTime().toString()).containsExactly("15:00");
    }

    @Test
    void acceptsOnlyAStartThatIsOneOfTheSlots() {
        Availability rules = weekdays(LONDON, 30, 0, "09:00-12:00");
        Slot taken = new Slot(Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T10:30:00Z"));

        assertThat(SlotCalendar.isFree(rules, List.of(), LONG_BEFORE, Instant.parse("2026-03-02T09:30:00Z"))).isTrue();
        assertThat(SlotCalendar.isFree(rules, List.of(), LONG_BEFORE, Instant.parse("2026-03-02T09:40:00Z"))).isFalse();
        assertThat(SlotCalendar.isFree(rules, List.of(), LONG_BEFORE, Instant.parse("2026-03-02T12:00:00Z"))).isFalse();
        assertThat(SlotCalendar.isFree(rules, List.of(taken), LONG_BEFORE, taken.start())).isFalse();
        assertThat(SlotCalendar.isFree(rules, List.of(), LONG_BEFORE, Instant.parse("2026-03-01T09:00:00Z"))).isFalse(); // Sunday
    }

    @Test
    void refusesABackwardsOrTooLongRange() {
        Availability rules = weekdays(LONDON, 30, 0, "09:00-12:00");
        LocalDate day = LocalDate.of(2026, 3, 2);

        assertThatThrownBy(() -> SlotCalendar.free(rules, List.of(), LONG_BEFORE, day, day.minusDays(1), LONDON))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotCalendar.free(rules, List.of(), LONG_BEFORE, day, day.plusDays(100), LONDON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Availability weekdays(ZoneId zone, int slot, int buffer, String... spans) {
        return new Availability(zone, slot, buffer, Duration.ZERO, 365, hours(weekdays(), spans), List.of());
    }

    private static Availability onDate(ZoneId zone, LocalDate date, String span) {
        String[] times = span.split("-");
        return new Availability(zone, 30, 0, Duration.ZERO, 365, List.of(),
                List.of(new DateException(date, LocalTime.parse(times[0]), LocalTime.parse(times[1]))));
    }

    private static List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    private static List<WeeklyHours> hours(List<DayOfWeek> days, String... spans) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : days) {
            for (String span : spans) {
                String[] times = span.split("-");
                hours.add(new WeeklyHours(day, LocalTime.parse(times[0]), LocalTime.parse(times[1])));
            }
        }
        return hours;
    }
}
