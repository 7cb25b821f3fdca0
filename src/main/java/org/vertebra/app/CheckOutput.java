package org.vertebra.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.vertebra.trust.BenchmarkResult;
import org.vertebra.trust.TrustReport;
import org.vertebra.evidence.EvidenceReport;
import org.vertebra.evidence.InvalidIdentifier;
import org.vertebra.evidence.UncitedReference;
import org.vertebra.evidence.UnmatchedMention;
import org.vertebra.pemat.PematScore;
import org.vertebra.pemat.PematSheet;
import org.vertebra.readability.LongSentence;
import org.vertebra.readability.LanguageReadability;
import org.vertebra.readability.ReadabilityReport;

/** What {@code vertebra check} prints: lines in the {@code FILE:LINE: message} form, or JSON. */
final class CheckOutput {

    private static final int QUOTED_SENTENCE = 100;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckOutput() {
    }

    static List<String> text(CheckedFile checked) {
        String file = checked.file().toString();
        EvidenceReport evidence = checked.evidence();
        List<String> lines = new ArrayList<>();
        evidence.unmatchedMentions().forEach(m ->
                lines.add(file + ":" + m.line() + ": \"" + m.text() + "\" matches no reference"));
        evidence.uncitedReferences().forEach(r ->
                lines.add(file + ": reference " + r.index() + " is never cited: " + shortened(r.text())));
        evidence.invalidIdentifiers().forEach(i -> lines.add(file + ": reference " + i.index() + " has a malformed "
                + i.kind() + " \"" + i.value() + "\": " + i.reason()));
        evidence.duplicateReferences().forEach(d -> lines.add(file + ": reference " + d.index() + " repeats reference "
                + d.duplicateOf() + " (same " + d.sameBy() + ")"));
        lines.add(file + ": " + readability(checked.readability()));
        checked.readability().longSentences().forEach(s -> lines.add(file + ":" + s.line() + ": long sentence ("
                + s.words() + " words): " + shortened(s.text())));
        if (checked.sections().size() > 1) {
            checked.sections().forEach(s -> lines.add(String.format(Locale.ROOT, "%s:%d: section \"%s\": reading grade %.1f",
                    file, s.line(), s.heading(), s.report().readingGrade())));
        }
        checked.jargon().forEach(j -> lines.add(file + ":" + j.firstLine() + ": \"" + j.term() + "\" may be jargon: try \""
                + j.plain() + "\""));
        checked.retracted().forEach(r -> lines.add(file + ": reference " + r.index() + " is " + r.label() + ": "
                + r.notice()));
        lines.add(file + ": " + trust(checked.trust()));
        lines.add(file + ": " + pemat(checked.pemat()));
        return lines;
    }

    private static String trust(TrustReport report) {
        String met = String.join(", ", report.results().stream().filter(BenchmarkResult::met)
                .map(r -> r.benchmark().key()).toList());
        String missed = String.join("; ", report.missed().stream().map(r -> r.benchmark().key() + " (" + r.detail().replaceAll("\\.$", "") + ")")
                .toList());
        return "trust: meets " + (met.isEmpty() ? "none" : met) + (missed.isEmpty() ? "" : "; misses " + missed);
    }

    private static String pemat(PematSheet sheet) {
        return "PEMAT-P: understandability " + part(sheet.score().understandability()) + "; actionability "
                + part(sheet.score().actionability()) + "; " + sheet.unanswered().size()
                + " items for the editor to answer (in the editor)";
    }

    private static String part(PematScore.Part part) {
        return (part.percent().isPresent() ? part.percent().getAsInt() + "%" : "not scored") + " (" + part.agreed()
                + " of " + part.rated() + " rated items agreed, " + part.notApplicable() + " not applicable)";
    }

    private static String readability(ReadabilityReport r) {
        if (r.sentences() == 0) {
            return "readability: no prose to measure";
        }
        if (!r.language().isEnglish()) {
            return otherLanguage(r.language());
        }
        String grade = String.format(Locale.ROOT, "Flesch-Kincaid grade %.1f, %s the target for patient material "
                + "(grade %.0f or lower)", r.fleschKincaidGrade(), r.aboveTarget() ? "above" : "within",
                ReadabilityReport.TARGET_GRADE);
        return String.format(Locale.ROOT, "readability: %s; Flesch Reading Ease %.1f; %d of %d sentences passive (%.0f%%);"
                + " SMOG %.1f; Gunning Fog %.1f; reading grade %.1f (aim: grade %.0f)",
                grade, r.fleschReadingEase(), r.passiveSentences(), r.sentences(), 100 * r.passiveShare(),
                r.smogGrade(), r.gunningFog(), r.readingGrade(), ReadabilityReport.ADVICE_GRADE);
    }

    /** The language's own formulas, or why there is none: never an English grade for another language. */
    private static String otherLanguage(LanguageReadability language) {
        if (!language.hasValidatedFormula()) {
            return "readability (" + language.name() + "): " + language.message();
        }
        return "readability (" + language.name() + "): " + String.join("; ", language.scores().stream()
                .map(s -> String.format(Locale.ROOT, s.isGrade() ? "%s %.1f%s%s" : "%s %.0f%s%s", s.formula(), s.value(),
                        s.band().isEmpty() ? "" : " (" + s.band() + ")",
                        s.hasTarget() ? (s.onTarget() ? ", within" : ", short of") + " the target for patient material ("
                                + s.target() + ")" : ""))
                .toList());
    }

    private static String shortened(String text) {
        return text.length() <= QUOTED_SENTENCE ? text : text.substring(0, QUOTED_SENTENCE - 1).stripTrailing() + "…";
    }

    static String json(List<CheckedFile> files) {
        try {
            return JSON.writeValueAsString(files.stream().map(FileJson::of).toList());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of one file; the field names are part of the command's contract (docs/guide/writing.md). */
    private record FileJson(String file, List<UnmatchedMention> unmatchedMentions,
            List<UncitedReference> uncitedReferences, List<InvalidIdentifier> invalidIdentifiers,
            List<DuplicateJson> duplicateReferences, ReadabilityJson readability,
            Map<String, BenchmarkJson> trust, List<RetractedJson> retractedReferences, PematJson pemat) {

        static FileJson of(CheckedFile checked) {
            EvidenceReport e = checked.evidence();
            Map<String, BenchmarkJson> trust = new LinkedHashMap<>();
            checked.trust().results().forEach(r -> trust.put(r.benchmark().key(), new BenchmarkJson(r.met(), r.detail())));
            return new FileJson(checked.file().toString(), e.unmatchedMentions(), e.uncitedReferences(),
                    e.invalidIdentifiers(),
                    e.duplicateReferences().stream().map(d -> new DuplicateJson(d.index(), d.duplicateOf())).toList(),
                    ReadabilityJson.of(checked), trust,
                    checked.retracted().stream().map(r -> new RetractedJson(r.index(), r.doi(), r.pmid(), r.kind(), r.notice()))
                            .toList(),
                    PematJson.of(checked.pemat()));
        }
    }

    /**
     * The PEMAT-P sheet as Vertebra rates it from the file alone: percentages (null until an item
     * counts), tallies, and each item with its rating ("agree", "disagree", "na", or null for the
     * editor) and reason.
     */
    private record PematJson(PematPartJson understandability, PematPartJson actionability, List<PematItemJson> items) {

        static PematJson of(PematSheet sheet) {
            return new PematJson(PematPartJson.of(sheet.score().understandability()),
                    PematPartJson.of(sheet.score().actionability()),
                    sheet.rows().stream().map(r -> new PematItemJson(r.item().number(), r.item().statement(),
                            r.rating().map(org.vertebra.pemat.Rating::code).orElse(null), r.judgement().reason())).toList());
        }
    }

    private record PematPartJson(Integer percent, int agreed, int rated, int notApplicable, int unanswered) {

        static PematPartJson of(PematScore.Part part) {
            return new PematPartJson(part.percent().isPresent() ? part.percent().getAsInt() : null, part.agreed(),
                    part.rated(), part.notApplicable(), part.unanswered());
        }
    }

    private record PematItemJson(int number, String statement, String rating, String reason) {
    }

    private record BenchmarkJson(boolean met, String detail) {
    }

    /** One flagged reference: its DOI or its PMID (the one it was checked by), the kind of notice, and the notice. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record RetractedJson(int index, String doi, String pmid, String kind, String notice) {
    }

    private record SectionJson(String heading, int line, Double fleschKincaidGrade, Double smogGrade, Double gunningFog,
                               Double readingGrade) {
    }

    private record JargonJson(String term, String plain, int count, int line) {
    }

    private record DuplicateJson(int index, int duplicateOf) {
    }

    /** A formula of a language other than English and its score, rounded as quoted. */
    private record ScoreJson(String formula, String source, Double value, String band, String target, boolean onTarget) {
    }

    /** A language other than English: its formulas' scores, or why there are none ({@code message}). */
    private record LanguageJson(String tag, String name, boolean validatedFormula, String message, List<ScoreJson> scores) {

        static LanguageJson of(LanguageReadability language) {
            return language.isEnglish() ? null : new LanguageJson(language.tag(), language.name(),
                    language.hasValidatedFormula(), language.message(), language.scores().stream()
                    .map(s -> new ScoreJson(s.formula(), s.source(), ReadabilityJson.rounded(s.value(), 10), s.band(),
                            s.target(), s.onTarget())).toList());
        }
    }

    /**
     * Scores rounded as they are quoted; null when there is no prose to score, and the English
     * scores null for a text in another language, whose own are in {@code language} (left out for English).
     */
    private record ReadabilityJson(Double fleschReadingEase, Double fleschKincaidGrade,
            List<LongSentence> longSentences, double passiveShare, Double smogGrade, Double gunningFog,
            Double readingGrade, List<SectionJson> sections, List<JargonJson> jargon,
            @JsonInclude(JsonInclude.Include.NON_NULL) LanguageJson language) {

        static ReadabilityJson of(CheckedFile checked) {
            ReadabilityReport r = checked.readability();
            return new ReadabilityJson(rounded(r.fleschReadingEase(), 10), rounded(r.fleschKincaidGrade(), 10),
                    r.longSentences(), rounded(r.passiveShare(), 100), rounded(r.smogGrade(), 10),
                    rounded(r.gunningFog(), 10), rounded(r.readingGrade(), 10),
                    checked.sections().stream().map(s -> new SectionJson(s.heading(), s.line(),
                            rounded(s.report().fleschKincaidGrade(), 10), rounded(s.report().smogGrade(), 10),
                            rounded(s.report().gunningFog(), 10), rounded(s.report().readingGrade(), 10))).toList(),
                    checked.jargon().stream().map(j -> new JargonJson(j.term(), j.plain(), j.count(), j.firstLine())).toList(),
                    LanguageJson.of(r.language()));
        }

        private static Double rounded(double value, int scale) {
            return Double.isNaN(value) ? null : Math.round(value * scale) / (double) scale;
        }
    }
}
