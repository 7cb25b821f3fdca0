package org.vertebra.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.form.Invalid;

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
    void exportHasTheHeaderAndOneLineASubscriber() {
        Subscriber s = new Subscriber(1, "=cmd@example.org", "confirmed", "form", Instant.parse("2025-01-02T03:04:05Z"),
                Instant.parse("2025-01-02T04:00:00Z"), null, null, "k");
        assertThat(SubscriberCsv.write(List.of(s)))
                .isEqualTo("email,status,subscribed_at,confirmed_at\r\n'=cmd@example.org,confirmed,2025-01-02T03:04:05Z,2025-01-02T04:00:00Z\r\n");
    }

    @Test
    void importReadsQuotedCellsAndDefusedCellsAndNamesEveryBadLine() {
        assertThat(SubscriberCsv.read("\"Ada@Example.org\",\"confirmed\"\r\n'=cmd@example.org\n\n"))
                .containsExactly(new SubscriberCsv.Row(1, "ada@example.org", "confirmed"), new SubscriberCsv.Row(2, "=cmd@example.org", "pending"));
        assertThatThrownBy(() -> SubscriberCsv.read("ok@example.org\nnope\n@example.org,confirmed"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.problems()).extracting(p -> p.message())
                        .containsExactly("Line 2: \"nope\" is not an email address.", "Line 3: \"@example.org\" is not an email address."));
        assertThatThrownBy(() -> SubscriberCsv.read("email,status\n")).isInstanceOf(Invalid.class)
                .hasMessageContaining("There is no address to import");
    }
}
