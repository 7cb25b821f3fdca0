package org.vertebra.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shared mail's slots, filled for one recipient: raw in the text, subject and headers, escaped in the HTML. */
class MailTemplateTest {

    private static final String KEY = "newsletter-digest-7";
    private static final String LINK = MailTemplate.slot(KEY, "link");
    private static final String VALUE = "https://clinic.example/leave/?a=1&t=<x>\"'";

    private final MailTemplate template = new MailTemplate(KEY, "newsletter-digest", "News " + LINK, "Leave: " + LINK + "\n",
            "<a href=\"" + LINK + "\">Leave</a> " + LINK, Map.of("List-Unsubscribe", "<" + LINK + ">", "List-Id", "<news.example>"));

    @Test
    void eachSlotGetsTheValueRawInTextSubjectAndHeadersAndEscapedInTheHtml() {
        OutgoingMail mail = template.to("ann@example.org", Map.of("link", VALUE));

        assertThat(mail.to()).isEqualTo("ann@example.org");
        assertThat(mail.kind()).isEqualTo("newsletter-digest");
        assertThat(mail.subject()).isEqualTo("News " + VALUE);
        assertThat(mail.text()).isEqualTo("Leave: " + VALUE + "\n");
        String escaped = "https://clinic.example/leave/?a=1&amp;t=&lt;x&gt;&quot;&#39;";
        assertThat(mail.html()).isEqualTo("<a href=\"" + escaped + "\">Leave</a> " + escaped);
        assertThat(mail.headers()).containsEntry("List-Unsubscribe", "<" + VALUE + ">").containsEntry("List-Id", "<news.example>");
    }

    @Test
    void aSlotIsLeftAsItIsByHtmlEscapingAndNamesItsTemplatesKey() {
        assertThat(LINK).doesNotContain("&", "<", ">", "\"", "'").contains(":link}}");
        assertThat(MailTemplate.slot("newsletter-digest-8", "link")).as("another key, another slot").isNotEqualTo(LINK);
        assertThat(template.slotNames()).containsExactly("link");
    }

    @Test
    void valuesThatDoNotFillExactlyTheSlotsAreRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> template.to("ann@example.org", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[link]").hasMessageContaining(KEY);
        assertThatThrownBy(() -> template.checkFills(List.of(new MailTemplate.Recipient("a@example.org", Map.of("link", "x")),
                new MailTemplate.Recipient("b@example.org", Map.of("link", "x", "name", "Bo")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[link, name]");
        // A slot of another template's key is text like any other: it is not this template's to fill.
        MailTemplate other = new MailTemplate("other", "k", "s", MailTemplate.slot(KEY, "link"), null, Map.of());
        assertThat(other.slotNames()).isEmpty();
        assertThat(other.to("a@example.org", Map.of()).text()).isEqualTo(LINK);
    }

    @Test
    void badNamesAndKeysAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> MailTemplate.slot(KEY, "Link URL"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower case letters, digits and dashes");
        assertThatThrownBy(() -> new MailTemplate(" ", "k", "s", "t", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200 characters");
    }
}
