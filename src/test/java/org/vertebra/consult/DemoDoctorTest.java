package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** A fresh demo site takes bookings at once: its author Dr Asha Raman has hours every weekday. */
class DemoDoctorTest {

    @TempDir
    Path temp;

    @Test
    void demoSiteOffersTheDemoAuthorsWeekdayHoursBelowThePageText() {
        try (TestServer server = TestServer.withDemo(TestDatabase.SQLITE, temp)) {
            Doctor doctor = server.site().consult.agenda().doctor("asha-raman").orElseThrow();
            assertThat(doctor.name()).isEqualTo("Dr Asha Raman");
            assertThat(doctor.authorId()).isNotNull();
            assertThat(server.site().consult.agenda().hours(doctor.id())).hasSize(5);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertThat(server.site().consult.bookings().freeSlots(doctor, today, today.plusDays(7), ConsultSite.LONDON)).isNotEmpty();

            Document page = server.page("/teleconsult/?tz=Europe/London");
            assertThat(page.select("h1").text()).isEqualTo("Online Video Consultations");
            assertThat(page.select(".entry-content").text()).contains("What is a video consultation?");
            assertThat(page.select(".demo-note").text()).contains("Demo content");
            assertThat(page.select(".consult-slots a")).isNotEmpty();
        }
    }
}
