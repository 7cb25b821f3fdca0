package org.vertebra.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report on a huge export stays small: past a limit, entries are counted, not kept. */
class WordPressReportTest {

    @Test
    void warningsSkippedAndFailuresPastTheLimitAreCountedNotListed() {
        WordPressReport report = new WordPressReport();
        int more = 7;
        for (int i = 0; i < WordPressReport.LISTED + more; i++) {
            report.warning("post " + i + " is a draft here");
            report.skipped("comment", i, "", "marked spam on WordPress");
            report.failed("post", "post " + i + " has no title");
            report.shortcode("gallery", "/post-" + i + "/");
        }
        assertThat(report.warnings()).hasSize(WordPressReport.LISTED);
        assertThat(report.skipped()).hasSize(WordPressReport.LISTED);
        assertThat(report.failures()).hasSize(WordPressReport.LISTED);
        assertThat(report.unknownShortcodes().get("[gallery]")).hasSize(WordPressReport.LISTED);
        assertThat(report.notListed()).isEqualTo(Map.of("warnings", more, "skipped", more, "failures", more));
        assertThat(report.count("comment", WordPressReport.Outcome.SKIPPED)).isEqualTo(WordPressReport.LISTED + more);
        assertThat(report.toText()).contains("(7 more warnings not listed)").endsWith((WordPressReport.LISTED + more) + " failed\n");
        assertThat(report.toJson()).contains("\"notListed\"");
        assertThat(new WordPressReport().toJson()).doesNotContain("notListed");
    }
}
