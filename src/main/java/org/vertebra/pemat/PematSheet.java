package org.vertebra.pemat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An article's PEMAT-P sheet: for each item Vertebra's judgement, the editor's answer when they
 * gave one (which wins: the editor has read the article as a patient would), and the two scores.
 */
public record PematSheet(List<Row> rows, PematScore score) {

    /** One item as the editor sees it. */
    public record Row(PematItem item, Judgement judgement, Optional<Rating> editorAnswer) {

        /** The rating that counts: the editor's, else Vertebra's; empty while neither gave one. */
        public Optional<Rating> rating() {
            return editorAnswer.isPresent() ? editorAnswer : judgement.rating();
        }

        /** Whether the editor answered against Vertebra's own rating. */
        public boolean overridden() {
            return editorAnswer.isPresent() && judgement.rating().isPresent() && !editorAnswer.equals(judgement.rating());
        }
    }

    public PematSheet {
        rows = List.copyOf(rows);
    }

    /**
     * The sheet from Vertebra's judgements and the editor's answers. An answer of "not applicable"
     * to an item the tool always rates is dropped, not scored: the tool does not allow it.
     */
    public static PematSheet of(List<Judgement> judgements, Map<PematItem, Rating> editorAnswers) {
        List<Row> rows = new ArrayList<>();
        Map<PematItem, Rating> ratings = new EnumMap<>(PematItem.class);
        for (Judgement judgement : judgements) {
            Rating answer = editorAnswers.get(judgement.item());
            if (answer == Rating.NOT_APPLICABLE && !judgement.item().allowsNotApplicable()) {
                answer = null;
            }
            Row row = new Row(judgement.item(), judgement, Optional.ofNullable(answer));
            rows.add(row);
            row.rating().ifPresent(rating -> ratings.put(row.item(), rating));
        }
        return new PematSheet(rows, PematScore.of(ratings));
    }

    /** The items nobody has rated yet: the editor's to answer. */
    public List<PematItem> unanswered() {
        return rows.stream().filter(r -> r.rating().isEmpty()).map(Row::item).toList();
    }
}
