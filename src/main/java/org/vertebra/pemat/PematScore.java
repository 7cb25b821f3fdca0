package org.vertebra.pemat;

import java.util.Map;
import java.util.OptionalInt;

/**
 * The tool's two scores, as its user's guide computes them: for each domain, the items rated
 * Agree over the items rated Agree or Disagree (N/A left out of both), as a percentage. Items not
 * rated yet are counted apart, so a sheet in progress is never mistaken for a finished one.
 */
public record PematScore(Part understandability, Part actionability) {

    /** One domain's tally. */
    public record Part(int agreed, int rated, int notApplicable, int unanswered) {

        /** The percentage, rounded to a whole number as the tool reports it; empty when no item counts. */
        public OptionalInt percent() {
            return rated == 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.round(100.0 * agreed / rated));
        }

        /** The exact share, for comparison with a site's minimum; NaN when no item counts. */
        public double share() {
            return rated == 0 ? Double.NaN : (double) agreed / rated;
        }

        public boolean complete() {
            return unanswered == 0;
        }
    }

    /** The scores of a sheet of ratings; items missing from the map are unanswered. */
    public static PematScore of(Map<PematItem, Rating> ratings) {
        return new PematScore(part(ratings, PematItem.Domain.UNDERSTANDABILITY), part(ratings, PematItem.Domain.ACTIONABILITY));
    }

    private static Part part(Map<PematItem, Rating> ratings, PematItem.Domain domain) {
        int agreed = 0;
        int rated = 0;
        int notApplicable = 0;
        int unanswered = 0;
        for (PematItem item : PematItem.values()) {
            if (item.domain() != domain) {
                continue;
            }
            Rating rating = ratings.get(item);
            if (rating == null) {
                unanswered++;
            } else if (rating == Rating.NOT_APPLICABLE) {
                if (!item.allowsNotApplicable()) {
                    throw new IllegalArgumentException("item " + item.number() + " cannot be rated not applicable");
                }
                notApplicable++;
            } else {
                rated++;
                if (rating == Rating.AGREE) {
                    agreed++;
                }
            }
        }
        return new Part(agreed, rated, notApplicable, unanswered);
    }

    public boolean complete() {
        return understandability.complete() && actionability.complete();
    }
}
