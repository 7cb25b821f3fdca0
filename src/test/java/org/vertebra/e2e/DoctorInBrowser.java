package org.vertebra.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vertebra.consult.BookingCommand;
import org.vertebra.consult.Doctor;
import org.vertebra.consult.Slot;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestDoctor;
import org.vertebra.support.TestServer;

/**
 * What a browser suite about a doctor's pages starts from: a server on an empty SQLite site on the
 * real clock with {@link TestDoctor} seeing patients every day, and the shared browser signed in as
 * her. Close it in the suite's {@code @AfterAll}.
 */
final class DoctorInBrowser implements AutoCloseable {

    final TestServer server;
    final Doctor doctor;
    final ChromeDriver driver;
    final Axe axe;

    private DoctorInBrowser(TestServer server, Doctor doctor, ChromeDriver driver, Axe axe) {
        this.server = server;
        this.doctor = doctor;
        this.driver = driver;
        this.axe = axe;
    }

    /** The suite's server, its data in a temporary folder named after the suite. */
    static DoctorInBrowser start(String suite) throws IOException {
        ChromeDriver driver = BrowserSuite.driver();
        TestServer server = TestServer.empty(TestDatabase.SQLITE, Files.createTempDirectory("vertebra-e2e-" + suite), Clock.systemUTC());
        Doctor doctor = TestDoctor.everyDay(server.site(), "FRCS (Orth)");
        DoctorInBrowser started = new DoctorInBrowser(server, doctor, driver, BrowserSuite.axe());
        SignIn.withPassword(driver, started.url(""), TestDoctor.EMAIL, TestDoctor.PASSWORD);
        return started;
    }

    String url(String path) {
        return "http://localhost:" + server.server().port() + path;
    }

    /** The doctor's next free times, from now. */
    List<Slot> free() {
        return server.site().consult.bookings().nextFree(doctor);
    }

    /** A consultation booked as a patient in London would book it; its id. */
    long book(Slot slot, String name, String email, String complaint, List<String> flags) {
        return server.site().consult.bookings().book(new BookingCommand(doctor.slug(), slot.start().toString(),
                TestDoctor.LONDON.getId(), name, email, "020 7946 0001", "50", complaint, "1 to 4 weeks", flags, true, true))
                .booking().id();
    }

    /** Goes to this path (or stays, when null) and audits the page with axe-core, saving its screenshot under this name. */
    void audit(String path, String name, Map<String, List<Axe.Violation>> failures) {
        if (path != null) {
            driver.get(url(path));
        }
        axe.audit(driver, name, name, failures);
    }

    @Override
    public void close() {
        server.close();
    }
}
