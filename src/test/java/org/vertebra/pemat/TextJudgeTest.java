package org.vertebra.pemat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vertebra.readability.Glossaries;

/** The items Vertebra rates from the text, on texts written to meet or miss each of them. */
class TextJudgeTest {

    private static final String PLAIN_ARTICLE = """
            Demo content, not medical advice. This page explains what you can do about a sore lower back in the first weeks.

            ## Why a sore back often gets better

            Most back pain comes from muscles and joints. It hurts, but it is rarely a sign of harm. \
            Your lumbar (lower back) spine is strong. Most people feel better within 6 weeks. \
            Moving a little each day helps the back heal. Rest in bed for more than a day or two tends to make \
            the back stiff. Pain medicine from the pharmacy can help you keep moving. Ask the pharmacist which \
            one suits you, and read the leaflet in the pack.

            ## What you can do at home

            1. Walk for 10 minutes two or three times a day.
            2. Keep up your daily tasks as well as you can.
            3. Use a warm pack for 20 minutes when the pain is bad.

            **Call your doctor** if the pain spreads down both legs or you feel numb between the legs.

            ## Key points

            - Back pain is common and often gets better on its own.
            - Gentle movement helps more than bed rest.
            - Ask for help if the warning signs above appear.
            """;

    private static final String DENSE_ARTICLE = """
            Demo content. Lumbar radiculopathy is frequently attributed to compression of neural structures, \
            which is generally considered to be mediated by inflammatory processes that are initiated by \
            herniation of intervertebral disc material. Conservative management is typically recommended \
            initially, and analgesic medication is often prescribed by the treating physician. Improvement \
            was reported in 2.5 times as many patients who were managed conservatively. To estimate your \
            own risk, calculate your body mass index by dividing weight by height squared. Surgical \
            intervention is reserved for patients in whom persistent neurological deficits are observed \
            despite adequate conservative treatment. The natural history of the condition is characterised \
            by gradual resolution of symptoms in a substantial proportion of individuals, although \
            recurrence is reported in a considerable number of cases within the subsequent twelve months. \
            Imaging is not routinely indicated in the absence of red flag features, and its findings are \
            frequently discordant with the clinical presentation, as degenerative changes are commonly \
            identified in asymptomatic individuals. Physiotherapy interventions are variably effective, \
            and their benefit has been demonstrated primarily in selected populations. Epidural steroid \
            injections are sometimes administered, although the magnitude of benefit is modest and \
            short-lived according to systematic reviews of randomised controlled trials.
            """;

    private final TextJudge judge = new TextJudge(Glossaries.shippedOnly());

    @Test
    void agreesOnAPlainArticleWithHeadingsStepsKeyPointsAndActions() {
        Map<PematItem, Judgement> items = judge(PematText.of(PLAIN_ARTICLE));

        assertThat(rating(items, PematItem.EVERYDAY_LANGUAGE)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.TERMS_DEFINED)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.ACTIVE_VOICE)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.CLEAR_NUMBERS)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.NO_CALCULATIONS)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.SHORT_SECTIONS)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.INFORMATIVE_HEADERS)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.SUMMARY)).contains(Rating.AGREE);
        assertThat(items.get(PematItem.SUMMARY).reason()).contains("Key points");
        assertThat(rating(items, PematItem.VISUAL_CUES)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.ACTION_IDENTIFIED)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.ADDRESSES_USER)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.EXPLICIT_STEPS)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.CALCULATION_HELP)).contains(Rating.NOT_APPLICABLE);
    }

    @Test
    void disagreesOnADenseBlockOfJargonPassivesDecimalsAndSums() {
        Map<PematItem, Judgement> items = judge(PematText.of(DENSE_ARTICLE));

        assertThat(rating(items, PematItem.EVERYDAY_LANGUAGE)).contains(Rating.DISAGREE);
        assertThat(items.get(PematItem.EVERYDAY_LANGUAGE).reason()).contains("grade 8 or lower");
        assertThat(rating(items, PematItem.TERMS_DEFINED)).contains(Rating.DISAGREE);
        assertThat(items.get(PematItem.TERMS_DEFINED).reason()).containsIgnoringCase("radiculopathy");
        assertThat(rating(items, PematItem.ACTIVE_VOICE)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.CLEAR_NUMBERS)).contains(Rating.DISAGREE);
        assertThat(items.get(PematItem.CLEAR_NUMBERS).reason()).contains("2.5");
        assertThat(rating(items, PematItem.NO_CALCULATIONS)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.SHORT_SECTIONS)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.INFORMATIVE_HEADERS)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.SUMMARY)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.VISUAL_CUES)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.ACTION_IDENTIFIED)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.ADDRESSES_USER)).contains(Rating.DISAGREE);
        assertThat(rating(items, PematItem.CALCULATION_HELP)).isEmpty();
    }

    @Test
    void ratesNotApplicableOnlyWhereTheToolAllowsIt() {
        Map<PematItem, Judgement> items = judge(PematText.of("Demo content. Rest is not always best. Keep gently active."));

        assertThat(rating(items, PematItem.CLEAR_NUMBERS)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.SHORT_SECTIONS)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.INFORMATIVE_HEADERS)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.SUMMARY)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.VISUAL_AIDS_REINFORCE)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.VISUAL_AIDS_CAPTIONED)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.CLEAR_ILLUSTRATIONS)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.SIMPLE_TABLES)).contains(Rating.NOT_APPLICABLE);
        assertThat(rating(items, PematItem.CHARTS_EXPLAINED)).contains(Rating.NOT_APPLICABLE);
        for (Judgement judgement : items.values()) {
            if (judgement.rating().equals(Optional.of(Rating.NOT_APPLICABLE))) {
                assertThat(judgement.item().allowsNotApplicable()).as("item %d", judgement.item().number()).isTrue();
            }
        }
    }

    @Test
    void leavesToTheEditorWhatOnlyAReaderCanJudge() {
        Map<PematItem, Judgement> items = judge(PematText.of(PLAIN_ARTICLE));

        for (PematItem item : List.of(PematItem.PURPOSE_EVIDENT, PematItem.NO_DISTRACTION, PematItem.LOGICAL_SEQUENCE,
                PematItem.VISUAL_AIDS_USED, PematItem.TANGIBLE_TOOL, PematItem.VISUAL_AIDS_FOR_ACTION)) {
            assertThat(items.get(item).computed()).as("item %d", item.number()).isFalse();
            assertThat(items.get(item).reason()).endsWith("?");
        }
        assertThat(items).hasSize(24);
    }

    @Test
    void wantsImagesDescribedAndTablesSimple() {
        String body = PLAIN_ARTICLE + """

                ![IMG_2041.jpg](/media/2026/12/img_2041.jpg)

                | Week | Walking | Work | Sport | Sleep | Pain score |
                |---|---|---|---|---|---|
                | 1 | 10 min | light | none | 7 h | 6 |
                """;
        Map<PematItem, Judgement> items = judge(PematText.of(body));

        assertThat(rating(items, PematItem.VISUAL_AIDS_CAPTIONED)).contains(Rating.DISAGREE);
        assertThat(items.get(PematItem.VISUAL_AIDS_CAPTIONED).reason()).contains("/media/2026/12/img_2041.jpg");
        assertThat(rating(items, PematItem.SIMPLE_TABLES)).contains(Rating.DISAGREE);
        assertThat(items.get(PematItem.SIMPLE_TABLES).reason()).contains("6 columns");
        assertThat(items.get(PematItem.CHARTS_EXPLAINED).computed()).isFalse();

        Map<PematItem, Judgement> described = judge(PematText.of(PLAIN_ARTICLE
                + "\n\n![A person walking on a flat path with a straight back](/media/walk.jpg)\n\n| Week | Walking |\n|---|---|\n| 1 | 10 min |\n"));
        assertThat(rating(described, PematItem.VISUAL_AIDS_CAPTIONED)).contains(Rating.AGREE);
        assertThat(rating(described, PematItem.SIMPLE_TABLES)).contains(Rating.AGREE);
    }

    @Test
    void keyPointsAndActionsFromTheFrontMatterCountAsSummaryAndActions() {
        String body = "Demo content, not medical advice. Back pain is common. It often eases with time.";
        Map<PematItem, Judgement> items = judge(new PematText(body,
                List.of("Back pain is common", "Most of it eases within weeks"),
                List.of("Walk a little every day", "See a doctor if your legs go numb")));

        assertThat(rating(items, PematItem.SUMMARY)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.ACTION_IDENTIFIED)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.EXPLICIT_STEPS)).contains(Rating.AGREE);
        assertThat(rating(items, PematItem.VISUAL_CUES)).contains(Rating.AGREE);
    }

    @Test
    void aTermIsDefinedByItsPlainWordsOrAnExplanationRightAfterIt() {
        Map<PematItem, Judgement> defined = judge(PematText.of(
                "Demo content. An analgesic, which is a pain reliever, can help for a few days."));
        Map<PematItem, Judgement> bare = judge(PematText.of("Demo content. Take an analgesic for a few days."));

        assertThat(rating(defined, PematItem.TERMS_DEFINED)).contains(Rating.AGREE);
        assertThat(rating(bare, PematItem.TERMS_DEFINED)).contains(Rating.DISAGREE);
    }

    @Test
    void genericHeadingsAreNotInformative() {
        String body = PLAIN_ARTICLE.replace("## Why a sore back often gets better", "## Introduction");
        Map<PematItem, Judgement> items = judge(PematText.of(body));

        assertThat(rating(items, PematItem.INFORMATIVE_HEADERS)).contains(Rating.DISAGREE);
        assertThat(items.get(PematItem.INFORMATIVE_HEADERS).reason()).contains("Introduction");
    }

    @Test
    void judgesASpanishTextByTheInfleszScaleAndTheSpanishGlossary() {
        // La(1) ar-tro-sis(3), es(1) de-cir(2), el(1) des-gas-te(3) de(1) la(1) ar-ti-cu-la-ción(5), due-le(2):
        // 10 words, 20 syllables. Ca-mi-ne(3) un(1) po-co(2) ca-da(2) dí-a(2): 5 words, 10 syllables.
        // 2 sentences, 15 words, 30 syllables: Szigriszt-Pazos = 206.835 - 62.3 x 30/15 - 15/2 = 74.735,
        // "bastante fácil", above 55.
        String body = "La artrosis, es decir, el desgaste de la articulación, duele. Camine un poco cada día.";
        Map<PematItem, Judgement> spanish = judge(new PematText(body, List.of(), List.of(), "es"));
        Map<PematItem, Judgement> bare = judge(new PematText("La artrosis duele mucho.", List.of(), List.of(), "es"));

        assertThat(rating(spanish, PematItem.EVERYDAY_LANGUAGE)).contains(Rating.AGREE);
        assertThat(spanish.get(PematItem.EVERYDAY_LANGUAGE).reason()).contains("INFLESZ", "75", "bastante fácil");
        assertThat(rating(spanish, PematItem.TERMS_DEFINED)).as("explained by \", es decir\"").contains(Rating.AGREE);
        assertThat(spanish.get(PematItem.TERMS_DEFINED).reason()).contains("artrosis");
        assertThat(rating(bare, PematItem.TERMS_DEFINED)).contains(Rating.DISAGREE);
        assertThat(rating(spanish, PematItem.ACTIVE_VOICE)).as("the passive is looked for in English only").isEmpty();
        assertThat(rating(spanish, PematItem.ACTION_IDENTIFIED)).as("instructions recognised in English only").isEmpty();
    }

    @Test
    void leavesTheLanguageItemsToTheEditorForALanguageWithoutAFormulaOrGlossary() {
        Map<PematItem, Judgement> hindi = judge(new PematText("घुटने में दर्द है। डॉक्टर से मिलें।", List.of(), List.of(), "hi"));

        assertThat(rating(hindi, PematItem.EVERYDAY_LANGUAGE)).isEmpty();
        assertThat(hindi.get(PematItem.EVERYDAY_LANGUAGE).reason()).startsWith("No readability formula is validated for Hindi");
        assertThat(rating(hindi, PematItem.TERMS_DEFINED)).isEmpty();
        assertThat(hindi.get(PematItem.TERMS_DEFINED).reason()).contains("no glossary for Hindi");
    }

    private Map<PematItem, Judgement> judge(PematText text) {
        return judge.judge(text).stream().collect(Collectors.toMap(Judgement::item, Function.identity()));
    }

    private static Optional<Rating> rating(Map<PematItem, Judgement> items, PematItem item) {
        return items.get(item).rating();
    }
}
