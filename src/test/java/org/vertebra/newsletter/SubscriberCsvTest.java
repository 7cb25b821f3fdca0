package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        for (String formula : List.of("=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "\tx")) {
            assertThat(SubscriberCsv.cell(formula)).as(formula).matches("\"?'.*");
        }
        assertThat(SubscriberCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(SubscriberCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(SubscriberCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SubscriberCsv.cell("ada@example.org")).isEqualTo("ada@example.org");
    }

    @Test
    void exportHasTheHeaderAndOneLineASubscriber() throws java.io.IOException {
        Subscriber s = new Subscriber(1, "=cmd@example.org", "confirmed", "form", Instant.parse("2025-01-02T03:04:05Z"),
                Instant.parse("2025-01-02T04:00:00Z"), null, null, "k");
        java.io.StringWriter csv = new java.io.StringWriter();
        SubscriberCsv.writeHeader(csv);
        SubscriberCsv.write(csv, s);
        assertThat(csv.toString())
                .isEqualTo("email,status,subscribed_at,confirmed_at\r\n'=cmd@example.org,confirmed,2025-01-02T03:04:05Z,2025-01-02T04:00:00Z\r\n");
    }

    @Test
    void importReadsQuotedCellsAndDefusedCellsAndNamesEveryBadLine() {
        assertThat(SubscriberCsv.read(1, "\uFEFF\"Ada@Example.org\",\"confirmed\"").row())
                .isEqualTo(new SubscriberCsv.Row(1, "ada@example.org", "confirmed"));
        assertThat(SubscriberCsv.read(2, "'=cmd@example.org").row()).isEqualTo(new SubscriberCsv.Row(2, "=cmd@example.org", "pending"));
        assertThat(SubscriberCsv.read(3, "  ")).isEqualTo(SubscriberCsv.Line.NOTHING);
        assertThat(SubscriberCsv.read(1, "email,status")).isEqualTo(SubscriberCsv.Line.NOTHING);
        assertThat(SubscriberCsv.read(2, "nope").problem()).isEqualTo("Line 2: \"nope\" is not an email address.");
        assertThat(SubscriberCsv.read(3, "@example.org,confirmed").problem()).isEqualTo("Line 3: \"@example.org\" is not an email address.");
        assertThat(SubscriberCsv.read(4, "eve@example.org,maybe").problem())
                .isEqualTo("Line 4: the status \"maybe\" is not one of pending, confirmed, unsubscribed.");
    }
}
