package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.consult.ConsultSite.at;
import static org.vertebra.consult.ConsultSite.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.app.Site;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestDoctor;
import org.vertebra.support.TestSite;

/**
 * Every calendar file the product writes (booking, the patient's move and cancellation, the
 * clinic's move and cancellation) parsed by ical4j and checked against RFC 5545 and against
 * RFC 5546 (iTIP) for its METHOD; changes within one minute still grow SEQUENCE under one UID.
 */
class CalendarFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** One calendar file as it left in a mail, and how the mail carries it. */
    record Sent(String kind, String contentType, boolean alternative, String ics) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyCalendarFileIsValidITipAndChangesWithinAMinuteGrowTheSequence(TestDatabase kind) throws Exception {
        TestClock clock = TestClock.at(ConsultSite.MONDAY_EARLY);
        try (TestSite test = TestSite.open(kind, temp, clock)) {
            Site site = test.site();
            Doctor asha = TestDoctor.onWeekdays(site, "FRCS");
            String slug = asha.slug();

            Booked first = site.consult.bookings().book(requestFor(slug, "2026-03-04T10:00:00Z", "priya@example.org"));
            long id = first.booking().id();
            PatientBookings.Managed link = managed(site, first.manageUrl());
            site.consult.bookings().reschedule(link, at("2026-03-04T11:00:00Z"));
            site.consult.agenda().moveByClinic(id, at("2026-03-04T12:00:00Z"), asha.userId(), TestDoctor.NAME);
            assertThat(site.consult.agenda().cancelByClinic(id, asha.userId(), TestDoctor.NAME)).isTrue();
            Booked second = site.consult.bookings().book(requestFor(slug, "2026-03-04T14:00:00Z", "sam@example.org"));
            assertThat(site.consult.bookings().cancel(managed(site, second.manageUrl()))).isTrue();

            List<Sent> sent = calendarFiles(site);
            assertThat(sent).extracting(Sent::kind).containsExactly(ConsultMail.BOOKED, ConsultMail.BOOKED, ConsultMail.BOOKED,
                    ConsultMail.CANCELLED, ConsultMail.BOOKED, ConsultMail.CANCELLED);
            List<Calendar> calendars = new ArrayList<>();
            for (Sent file : sent) {
                Calendar calendar = new CalendarBuilder().build(new StringReader(file.ics()));
                // ical4j checks each component against the iTIP rules of the calendar's METHOD (RFC 5546 3.2), and
                // ITIPValidator the calendar's own properties and components for an iTIP message.
                ValidationResult components = calendar.validate();
                ValidationResult itip = new ITIPValidator().validate(calendar);
                assertThat(components.hasErrors()).as("%s\n%s", components, file.ics()).isFalse();
                assertThat(itip.hasErrors()).as("%s\n%s", itip, file.ics()).isFalse();
                String method = calendar.getProperty("METHOD").orElseThrow().getValue();
                assertThat(file.contentType()).isEqualTo("text/calendar; method=" + method);
                assertThat(file.alternative()).as("sent as the invitation card beside the text").isTrue();
                VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
                assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:vertebra@localhost");
                assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
                        .isEqualTo("Dr Asha Raman");
                calendars.add(calendar);
            }
            assertThat(calendars).extracting(c -> c.getProperty("METHOD").orElseThrow().getValue())
                    .containsExactly("REQUEST", "REQUEST", "REQUEST", "CANCEL", "REQUEST", "CANCEL");
            assertThat(calendars).extracting(c -> value(c, "SEQUENCE")).containsExactly("0", "1", "2", "3", "0", "1");
            assertThat(calendars.subList(0, 4)).extracting(c -> value(c, "UID")).containsOnly("consult-" + id + "@vertebra.test");
            assertThat(calendars.subList(0, 4)).extracting(c -> value(c, "ATTENDEE")).containsOnly("mailto:priya@example.org");
            assertThat(calendars.subList(0, 3)).extracting(c -> value(c, "DTSTART"))
                    .containsExactly("20260304T100000Z", "20260304T110000Z", "20260304T120000Z");
            assertThat(value(calendars.get(3), "STATUS")).isEqualTo("CANCELLED");
            assertThat(value(calendars.get(5), "UID")).isEqualTo("consult-" + second.booking().id() + "@vertebra.test");

            // The check can fail: without ORGANIZER (as these files were before), a cancellation is not valid iTIP.
            String withoutOrganizer = sent.get(3).ics().replace("\r\n ", "").replaceAll("ORGANIZER[^\r]*\r\n", "");
            assertThat(new CalendarBuilder().build(new StringReader(withoutOrganizer)).validate().getEntries())
                    .anySatisfy(e -> assertThat(e.getMessage()).contains("ORGANIZER"));
        }
    }

    private static BookingCommand requestFor(String slug, String start, String email) {
        BookingCommand sent = ConsultSite.sent(start, email);
        return new BookingCommand(slug, sent.start(), sent.zone(), sent.name(), sent.email(),
                sent.phone(), sent.age(), sent.complaint(), sent.duration(), sent.redFlags(), sent.acknowledged(), sent.consent());
    }

    private static String value(Calendar calendar, String property) {
        return calendar.getComponent("VEVENT").orElseThrow().getProperty(property).orElseThrow().getValue();
    }

    private static PatientBookings.Managed managed(Site site, String url) {
        String query = url.substring(url.indexOf('?') + 1);
        return site.consult.bookings().managed(BookingTest.param(query, "b"), BookingTest.param(query, "t"), BookingTest.param(query, "s"));
    }

    /** The calendar files in the outbox, in the order the mails were written. */
    static List<Sent> calendarFiles(Site site) {
        List<Sent> files = new ArrayList<>();
        site.database.jdbi().useHandle(h -> h.createQuery(
                        "SELECT kind, attachments_json FROM mail_outbox WHERE attachments_json IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list().forEach(row -> {
                    try {
                        for (JsonNode file : JSON.readTree(row[1])) {
                            files.add(new Sent(row[0], file.get("contentType").asText(), file.path("alternative").asBoolean(),
                                    file.get("text").asText()));
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        return files;
    }
}
