package org.vertebra.pemat;

import java.util.Optional;

/**
 * What Vertebra makes of one item from the text: a rating with the reason for it, or, for the
 * items only a reader can judge, no rating and what the editor should ask themself.
 */
public record Judgement(PematItem item, Optional<Rating> rating, String reason) {

    static Judgement decided(PematItem item, Rating rating, String reason) {
        return new Judgement(item, Optional.of(rating), reason);
    }

    static Judgement forTheEditor(PematItem item, String question) {
        return new Judgement(item, Optional.empty(), question);
    }

    public boolean computed() {
        return rating.isPresent();
    }
}
