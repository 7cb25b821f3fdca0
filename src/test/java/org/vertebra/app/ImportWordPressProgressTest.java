package org.vertebra.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportWordPressProgressTest {

    @Test
    void barOnATerminalRedrawsOnlyWhenThePercentageChangesAndClearsItself() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportWordPressCommand.ProgressBar bar = new ImportWordPressCommand.ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        bar.at(0, 200);
        bar.at(1, 200);
        bar.at(100, 200);
        bar.at(200, 200);
        bar.done();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r")).filteredOn(s -> s.startsWith("Importing")).hasSize(3);
        assertThat(out).contains("] 50%").contains("[" + "#".repeat(30) + "] 100%").endsWith("\r");
    }

    @Test
    void nothingIsDrawnWhenTheOutputIsNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportWordPressCommand.ProgressBar bar = new ImportWordPressCommand.ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        bar.at(100, 200);
        bar.done();
        assertThat(bytes.size()).isZero();
    }
}
