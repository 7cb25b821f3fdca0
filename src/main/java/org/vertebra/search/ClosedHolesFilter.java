package org.vertebra.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Puts the words on either side of a dropped stop word next to each other, as if it had never
 * been there. Spanish, French and others name things with little words inside ("prótesis de
 * cadera", "hernia de disco"); a synonym rule or a phrase written without them ("prótesis cadera")
 * then still matches, where the hole the stop filter leaves would make the phrase miss.
 */
final class ClosedHolesFilter extends TokenFilter {

    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

    ClosedHolesFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (increment.getPositionIncrement() > 1) {
            increment.setPositionIncrement(1);
        }
        return true;
    }
}
