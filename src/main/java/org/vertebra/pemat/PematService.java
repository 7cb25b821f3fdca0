package org.vertebra.pemat;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.KeyPoints;
import org.vertebra.data.Transactor;
import org.vertebra.readability.Glossaries;

/**
 * An article's PEMAT-P sheet: Vertebra's judgement of the text as it stands, with the answers the
 * editor stored. The sheet is computed on demand, never stored, so it always follows the text.
 */
public final class PematService {

    private final PematAnswerRepository answers;
    private final Transactor transactor;
    private final TextJudge judge;
    private final Clock clock;

    public PematService(Jdbi jdbi, Transactor transactor, Glossaries glossaries, Clock clock) {
        this.answers = new PematAnswerRepository(jdbi);
        this.transactor = transactor;
        this.judge = new TextJudge(glossaries);
        this.clock = clock;
    }

    /**
     * The sheet of a text in the language of this BCP 47 tag, with these key points and the
     * editor's answers (stored or as typed).
     */
    public PematSheet sheet(String markdown, String lang, KeyPoints keyPoints, Map<PematItem, Rating> editorAnswers) {
        KeyPoints lists = keyPoints == null ? KeyPoints.NONE : keyPoints;
        return PematSheet.of(judge.judge(new PematText(markdown, lists.points(), lists.actions(), lang)), editorAnswers);
    }

    /** The answers the editor stored for an article; empty when none. */
    public Map<PematItem, Rating> answers(long articleId) {
        return answers.of(articleId);
    }

    /** The stored answers of several articles (a page of a report), by article. */
    public Map<Long, Map<PematItem, Rating>> answers(Collection<Long> articleIds) {
        return answers.of(articleIds);
    }

    /**
     * Makes these the article's answers, in the caller's transaction when there is one (the desk's
     * save), else in its own.
     */
    public void saveAnswers(long articleId, Map<PematItem, Rating> editorAnswers, String answeredBy) {
        transactor.run(() -> answers.replace(articleId, Map.copyOf(editorAnswers), answeredBy, clock.instant()));
    }
}
