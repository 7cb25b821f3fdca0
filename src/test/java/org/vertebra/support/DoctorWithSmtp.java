package org.vertebra.support;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.vertebra.app.Site;
import org.vertebra.consult.Doctor;

/**
 * What the tests of a doctor's consultations and their mail start from: a {@link ServerWithSmtp} on
 * a clock the test moves, set on Monday 2 March 2026 at 06:00 UTC (before her hours), and
 * {@link TestDoctor} seeing patients Monday to Friday. Close it to stop both servers.
 */
public record DoctorWithSmtp(ServerWithSmtp mail, TestClock clock, Doctor doctor) implements AutoCloseable {

    public static final String MONDAY_EARLY = "2026-03-02T06:00:00Z";

    public static DoctorWithSmtp start(TestDatabase kind, Path folder) {
        TestClock clock = TestClock.at(MONDAY_EARLY);
        ServerWithSmtp mail = ServerWithSmtp.start(kind, folder, clock);
        try {
            return new DoctorWithSmtp(mail, clock, TestDoctor.onWeekdays(mail.site(), "FRCS"));
        } catch (RuntimeException e) {
            mail.close();
            throw e;
        }
    }

    public TestServer server() {
        return mail.server();
    }

    public Site site() {
        return mail.site();
    }

    /** See {@link ServerWithSmtp#delivered}. */
    public List<MimeMessage> delivered(String address, int count) throws InterruptedException {
        return mail.delivered(address, count);
    }

    @Override
    public void close() {
        mail.close();
    }
}
