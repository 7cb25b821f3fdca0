package org.vertebra.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vertebra.pemat.PematItem;
import org.vertebra.pemat.PematScore;
import org.vertebra.pemat.PematSheet;
import org.vertebra.pemat.Rating;

/**
 * The editor's PEMAT panel: the two scores and the 24 items grouped as the tool groups them, each
 * with Vertebra's rating and the editor's choice as the form holds it (typed choices survive a
 * refused save).
 */
public record PematPanel(PematSheet sheet, ArticleForm form) {

    /** One domain of the tool with its topics. */
    public record Domain(String key, String label, String score, List<Topic> topics) {
    }

    /** The items of one topic, in the tool's order. */
    public record Topic(String name, List<PematSheet.Row> rows) {
    }

    /** One option of an item's select. */
    public record Choice(String value, String label, boolean selected) {
    }

    public List<Domain> domains() {
        List<Domain> domains = new ArrayList<>();
        for (PematItem.Domain domain : PematItem.Domain.values()) {
            Map<String, List<PematSheet.Row>> byTopic = new LinkedHashMap<>();
            sheet.rows().stream().filter(r -> r.item().domain() == domain)
                    .forEach(r -> byTopic.computeIfAbsent(r.item().topic(), t -> new ArrayList<>()).add(r));
            List<Topic> topics = byTopic.entrySet().stream().map(e -> new Topic(e.getKey(), List.copyOf(e.getValue()))).toList();
            domains.add(new Domain(domain.name().toLowerCase(java.util.Locale.ROOT), label(domain), percent(domain), topics));
        }
        return domains;
    }

    /** "71 %", or "not scored yet" while no item of the domain counts. */
    public String percent(PematItem.Domain domain) {
        PematScore.Part part = domain == PematItem.Domain.UNDERSTANDABILITY ? sheet.score().understandability()
                : sheet.score().actionability();
        return part.percent().isPresent() ? part.percent().getAsInt() + " %" : "not scored yet";
    }

    public int left() {
        return sheet.unanswered().size();
    }

    /** What the text says of an item: Vertebra's rating, or that the editor is to answer it. */
    public static String vertebraSays(PematSheet.Row row) {
        return row.judgement().rating().map(r -> "Vertebra: " + r.label()).orElse("For you to answer");
    }

    /** The options of an item's select; the first keeps Vertebra's rating, or leaves the item unanswered. */
    public List<Choice> choices(PematSheet.Row row) {
        String chosen = form.pematChoice(row.item());
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", row.judgement().rating().map(r -> "Vertebra's rating (" + r.label() + ")")
                .orElse("Not answered"), chosen.isBlank()));
        for (Rating rating : Rating.values()) {
            if (rating == Rating.NOT_APPLICABLE && !row.item().allowsNotApplicable()) {
                continue;
            }
            String label = rating == Rating.NOT_APPLICABLE ? "Not applicable (" + row.item().notApplicableWhen().toLowerCase(
                    java.util.Locale.ROOT) + ")" : rating.label();
            choices.add(new Choice(rating.code(), label, rating.code().equals(chosen.strip())));
        }
        return choices;
    }

    private static String label(PematItem.Domain domain) {
        return domain == PematItem.Domain.UNDERSTANDABILITY ? "Understandability" : "Actionability";
    }
}
