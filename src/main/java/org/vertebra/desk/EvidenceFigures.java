package org.vertebra.desk;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.vertebra.article.ArticleWriter;
import org.vertebra.article.PublishedArticles;
import org.vertebra.pemat.Judgement;
import org.vertebra.pemat.PematItem;
import org.vertebra.pemat.Rating;

/**
 * What the evidence report needs of an article's text and references, worked out once when it
 * changes (parsing a text costs milliseconds; at 100,000 articles, minutes): its reading grade,
 * references, study mentions without a reference, and the attribution benchmark, which depends on
 * nothing else. {@code modifiedAt} is the article's when they were worked out. The other figures
 * of a line (status, flags, the other benchmarks) change without the text and are worked out when
 * shown; {@code missedRank} and {@code flaggedRank}, what was missed and flagged at this check,
 * only order the report.
 *
 * @param grade NaN when the text has no prose
 * @param reviewRank the day of the last medical review, or "" when never reviewed (first in order)
 * @param missedBenchmarks the benchmarks missed at this check, a bit each (DeskQuery.missedBit), for the desk's list
 * @param pematText what the text itself settles of PEMAT, one letter per item in PematItem's order (V35):
 *                  {@code a} agree, {@code d} disagree, {@code n} not applicable, {@code -} left to the editor;
 *                  null for figures worked out before V35. The editor's answers are added when a line is shown.
 */
record EvidenceFigures(long articleId, Instant modifiedAt, String title, double grade, int references,
                       int withIdentifier, int unmatchedMentions, boolean attributionMet, String attributionDetail,
                       String reviewRank, int missedRank, int flaggedRank, int missedBenchmarks, String pematText) {

    /** The text's PEMAT judgements, one letter each (see {@code pematText}). */
    static String pematText(List<Judgement> judgements) {
        char[] letters = new char[PematItem.values().length];
        java.util.Arrays.fill(letters, '-');
        for (Judgement j : judgements) {
            letters[j.item().ordinal()] = j.rating().map(r -> switch (r) {
                case AGREE -> 'a';
                case DISAGREE -> 'd';
                case NOT_APPLICABLE -> 'n';
            }).orElse('-');
        }
        return new String(letters);
    }

    /**
     * The text's PEMAT judgements as stored, without their reasons (a line shows only the scores);
     * empty when they were not stored or PematItem has changed since, to be worked out again.
     */
    java.util.Optional<List<Judgement>> pematJudgements() {
        PematItem[] items = PematItem.values();
        if (pematText == null || pematText.length() != items.length) {
            return java.util.Optional.empty();
        }
        List<Judgement> judgements = new java.util.ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            java.util.Optional<Rating> rating = switch (pematText.charAt(i)) {
                case 'a' -> java.util.Optional.of(Rating.AGREE);
                case 'd' -> java.util.Optional.of(Rating.DISAGREE);
                case 'n' -> java.util.Optional.of(Rating.NOT_APPLICABLE);
                default -> java.util.Optional.empty();
            };
            judgements.add(new Judgement(items[i], rating, ""));
        }
        return java.util.Optional.of(judgements);
    }

    /** What the desk's list filters and sorts on, kept with the article (PublishedArticles.recordChecks). */
    ArticleWriter.Checked checked() {
        return new ArticleWriter.Checked(articleId, modifiedAt, title, grade, missedBenchmarks);
    }

    /** The report's order by title: without case, as a reader expects. */
    String titleKey() {
        return title.toLowerCase(Locale.ROOT);
    }

    /** The order by grade puts a text without prose first. */
    double gradeRank() {
        return Double.isNaN(grade) ? -1 : grade;
    }
}
