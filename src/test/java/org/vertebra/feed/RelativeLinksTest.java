package org.vertebra.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelativeLinksTest {

    @Test
    void htmlWithOnlyAbsoluteAddressesOrNoneHasNoRelativeLink() {
        assertThat(RelativeLinks.in("<p>No links at all, hrefs named in text.</p>")).isFalse();
        assertThat(RelativeLinks.in("<p><a href=\"https://doi.org/10.1/x\">a study</a> and "
                + "<img src=\"http://example.org/i.png\" alt=\"\"> <a href=\"mailto:desk@example.org\">mail</a>"
                + " <a href=\"tel:+441234\">call</a></p>")).isFalse();
    }

    @Test
    void anAddressOnThisSiteOrWithoutASchemeIsRelative() {
        assertThat(RelativeLinks.in("<a href=\"https://doi.org/x\">x</a> <a href=\"/sciatica/\">sciatica</a>")).isTrue();
        assertThat(RelativeLinks.in("<img src=\"/media/2026/12/spine.png\" alt=\"\">")).isTrue();
        assertThat(RelativeLinks.in("<a href='other-article/'>single quotes</a>")).isTrue();
        assertThat(RelativeLinks.in("<a HREF=//cdn.example.org/x>protocol-relative</a>")).isTrue();
        assertThat(RelativeLinks.in("<a href=\"#references\">fragment</a>")).isTrue();
    }
}
