package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void dropsWhatXmlCannotHoldAndKeepsTabsNewlinesAndEveryOtherCharacter() {
        assertThat(XmlDocument.XmlText.clean("a\u0000b\u0008c\td\ne\rf\uFFFEg\uFFFFh")).isEqualTo("abc\td\ne\rfgh");
        assertThat(XmlDocument.XmlText.clean("Rückenschmerz – dolor lumbar 🦴\u000b")).isEqualTo("Rückenschmerz – dolor lumbar 🦴");
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String text = "Sciatica: leg pain <em>below</em> the knee 🦴\n";
        assertThat(XmlDocument.XmlText.clean(text)).isSameAs(text);
    }
}
