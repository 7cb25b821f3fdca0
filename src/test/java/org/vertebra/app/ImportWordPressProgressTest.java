package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vertebra.support.TestClock;

class ImportWordPressProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");

    private ImportWordPressCommand.ProgressBar bar(boolean terminal) {
        return new ImportWordPressCommand.ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, clock);
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).split("\r");
    }

    @Test
    void barOnATerminalRedrawsOnlyWhenThePercentageChangesAndClearsItself() {
        ImportWordPressCommand.ProgressBar bar = bar(true);
        bar.at(0, 200, 0);
        bar.at(1, 200, 0);
        bar.at(100, 200, 0);
        bar.at(200, 200, 0);
        bar.done();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(lines()).filteredOn(s -> s.startsWith("Importing")).hasSize(3);
        assertThat(out).contains("] 50%").contains("[" + "#".repeat(30) + "] 100%").endsWith("\r");
    }

    @Test
    void showsItemsPerSecondSinceTheFirstItemAndTheTimeLeftAtTheRateReadSoFar() {
        ImportWordPressCommand.ProgressBar bar = bar(true);
        bar.at(0, 1000, 0);
        clock.advance(Duration.ofSeconds(10));
        bar.at(400, 1000, 1);       // the first pass is over; the first post comes in
        clock.advance(Duration.ofSeconds(10));
        bar.at(500, 1000, 2001);    // 2,000 posts in the 10 s since the first; 500 bytes in 20 s, 500 to go
        assertThat(lines()[lines().length - 1]).isEqualTo("Importing [###############               ] 50%  200 items/s  0:20 left");
    }

    @Test
    void redrawsOnceASecondWhileThePercentageStands() {
        ImportWordPressCommand.ProgressBar bar = bar(true);
        bar.at(10, 1000, 1);
        clock.advance(Duration.ofMillis(500));
        bar.at(11, 1000, 2);
        clock.advance(Duration.ofMillis(600));
        bar.at(12, 1000, 3);
        assertThat(lines()).filteredOn(s -> s.startsWith("Importing")).hasSize(2);
        assertThat(lines()[lines().length - 1]).startsWith("Importing [").contains("] 1%  3 items/s  1:31 left");
    }

    @Test
    void clockTimeHasHoursOnlyWhenNeeded() {
        assertThat(ImportWordPressCommand.ProgressBar.clockTime(7)).isEqualTo("0:07");
        assertThat(ImportWordPressCommand.ProgressBar.clockTime(754)).isEqualTo("12:34");
        assertThat(ImportWordPressCommand.ProgressBar.clockTime(3723)).isEqualTo("1:02:03");
    }

    @Test
    void nothingIsDrawnWhenTheOutputIsNotATerminal() {
        ImportWordPressCommand.ProgressBar bar = bar(false);
        bar.at(100, 200, 5);
        bar.done();
        assertThat(bytes.size()).isZero();
    }
}
