package org.vertebra.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A snippet's white space is folded by hand now; it must read exactly as the regular expression made it. */
class SnippetSpacesTest {

    @Test
    void foldsRunsOfWhiteSpaceIntoOneSpaceAsBackslashSPlusDid() {
        Pattern runs = Pattern.compile("\\s+");
        // \s is ASCII only: the no-break space, the em space and the line separator stay as they are
        String alphabet = "ab  \n\t\r\u000b\u000c\u001c\u00a0\u2003\u2028.";
        Random random = new Random(3);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(SnippetMaker.spaced(text.toString())).as("[%s]", text)
                    .isEqualTo(runs.matcher(text).replaceAll(" "));
        }
    }

    @Test
    void leavesTextWithOnlySingleSpacesAsItIs() {
        String text = "Knee pain after a fall.";
        assertThat(SnippetMaker.spaced(text)).isSameAs(text);
        assertThat(SnippetMaker.spaced("Knee  pain\nafter")).isEqualTo("Knee pain after");
    }
}
