package org.vertebra.pemat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vertebra.readability.Glossaries;

class PematSheetTest {

    private final TextJudge judge = new TextJudge(Glossaries.shippedOnly());

    @Test
    void theEditorsAnswerWinsOverVertebrasAndIsMarkedAsAnOverride() {
        List<Judgement> judgements = judge.judge(PematText.of("Demo content. Take an analgesic for a few days."));

        PematSheet sheet = PematSheet.of(judgements, Map.of(PematItem.TERMS_DEFINED, Rating.AGREE));

        PematSheet.Row row = sheet.rows().stream().filter(r -> r.item() == PematItem.TERMS_DEFINED).findFirst().orElseThrow();
        assertThat(row.judgement().rating()).contains(Rating.DISAGREE);
        assertThat(row.rating()).contains(Rating.AGREE);
        assertThat(row.overridden()).isTrue();
    }

    @Test
    void scoresOnlyOnceEveryItemHasARating() {
        List<Judgement> judgements = judge.judge(PematText.of("Demo content. Keep gently active. Walk every day."));
        PematSheet partial = PematSheet.of(judgements, Map.of());

        assertThat(partial.unanswered()).contains(PematItem.PURPOSE_EVIDENT, PematItem.LOGICAL_SEQUENCE, PematItem.TANGIBLE_TOOL);
        assertThat(partial.score().complete()).isFalse();

        Map<PematItem, Rating> answers = new java.util.EnumMap<>(PematItem.class);
        partial.unanswered().forEach(item -> answers.put(item, Rating.AGREE));
        PematSheet whole = PematSheet.of(judgements, answers);

        assertThat(whole.unanswered()).isEmpty();
        assertThat(whole.score().complete()).isTrue();
        assertThat(whole.score().understandability().percent()).isPresent();
    }

    @Test
    void dropsANotApplicableAnswerTheToolDoesNotAllow() {
        List<Judgement> judgements = judge.judge(PematText.of("Demo content. Keep gently active."));

        PematSheet sheet = PematSheet.of(judgements, Map.of(PematItem.PURPOSE_EVIDENT, Rating.NOT_APPLICABLE));

        assertThat(sheet.unanswered()).contains(PematItem.PURPOSE_EVIDENT);
    }
}
