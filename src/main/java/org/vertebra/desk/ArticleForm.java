package org.vertebra.desk;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.vertebra.article.Article;
import org.vertebra.content.KeyPoints;
import org.vertebra.content.Slugs;
import org.vertebra.form.FieldProblem;
import org.vertebra.language.Language;
import org.vertebra.pemat.PematItem;
import org.vertebra.pemat.Rating;

/**
 * The article editor's form as typed: every field a string, so a refused form comes back exactly
 * as the writer left it. {@link #toEdit()} checks it and turns it into an {@link ArticleEdit}.
 *
 * @param publishAt a local date and time ({@code 2026-12-01T09:30}) in {@code zone}; blank for now
 * @param modified  the article's modification time in epoch milliseconds when the form was opened
 * @param sticky    "on" when the post is to stay first on the home page (a checkbox); blank otherwise
 * @param keyPoints the "Key points" box: one point a line
 * @param actions   the "What you can do" box: one action a line
 * @param pemat     the PEMAT panel's choices by item number (fields pemat_N): a rating's code, or blank for none
 * @param lang      the language tag it is written in, such as es; blank keeps the article's (the site's for a new one)
 * @param translationOf the slug (or address) of the original it translates; blank for an original
 */
public record ArticleForm(String kind, String title, String slug, String summary, String markdown, String categories,
                          String tags, String authorId, String imageId, String publishAt, String zone, String disclosure,
                          String modified, String intent, String sticky, String keyPoints, String actions,
                          Map<Integer, String> pemat, String lang, String translationOf) {

    public ArticleForm {
        pemat = pemat == null ? Map.of() : Map.copyOf(pemat);
        lang = lang == null ? "" : lang;
        translationOf = translationOf == null ? "" : translationOf;
    }

    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 600;
    static final int MAX_MARKDOWN = 400_000;
    static final int MAX_TERMS = 12;
    static final int MAX_TERM = 80;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** An empty form for a new article or page. */
    static ArticleForm blank(String kind, Long authorId) {
        return new ArticleForm(Article.PAGE.equals(kind) ? Article.PAGE : Article.POST, "", "", "", "", "", "",
                authorId == null ? "" : authorId.toString(), "", "", "UTC", "", "", "save", "", "", "", Map.of(), "", "");
    }

    /** The form showing a stored article, with times in the writer's zone. */
    static ArticleForm of(Article a, List<String> categories, List<String> tags, ZoneId zone, boolean sticky, String originalSlug) {
        return new ArticleForm(a.kind(), a.title(), a.slug(), nullToEmpty(a.summary()), a.bodyMarkdown(),
                String.join(", ", categories), String.join(", ", tags), idText(a.authorId()), idText(a.imageId()),
                LocalDateTime.ofInstant(a.publishedAt(), zone).format(LOCAL), zone.getId(), nullToEmpty(a.disclosure()),
                Long.toString(a.modifiedAt().toEpochMilli()), "save", sticky ? "on" : "",
                KeyPoints.text(a.keyPoints().points()), KeyPoints.text(a.keyPoints().actions()), Map.of(), a.lang().tag(),
                originalSlug == null ? "" : originalSlug);
    }

    /** The same form showing these stored PEMAT answers. */
    ArticleForm withPematAnswers(Map<PematItem, Rating> answers) {
        Map<Integer, String> choices = new HashMap<>();
        answers.forEach((item, rating) -> choices.put(item.number(), rating.code()));
        return new ArticleForm(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, publishAt, zone,
                disclosure, modified, intent, sticky, keyPoints, actions, choices, lang, translationOf);
    }

    /** The choice shown for an item: a rating's code, or blank. */
    public String pematChoice(PematItem item) {
        return pemat.getOrDefault(item.number(), "");
    }

    /** The choices that name a rating the item allows, as typed; the rest count as not answered (for the live panel). */
    Map<PematItem, Rating> pematAnswersLeniently() {
        Map<PematItem, Rating> answers = new EnumMap<>(PematItem.class);
        for (PematItem item : PematItem.values()) {
            try {
                Rating.fromCode(pematChoice(item)).filter(r -> r != Rating.NOT_APPLICABLE || item.allowsNotApplicable())
                        .ifPresent(r -> answers.put(item, r));
            } catch (IllegalArgumentException notARating) {
                // shown as not answered; the save names the field
            }
        }
        return answers;
    }

    /** The same form with another text, as after a reference was added to it. */
    ArticleForm withMarkdown(String newMarkdown) {
        return new ArticleForm(kind, title, slug, summary, newMarkdown, categories, tags, authorId, imageId, publishAt, zone,
                disclosure, modified, "save", sticky, keyPoints, actions, pemat, lang, translationOf);
    }

    /** The same form as it stands after a save: the next save is checked against this modification time. */
    ArticleForm savedAt(Instant modifiedAt) {
        return new ArticleForm(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, publishAt, zone,
                disclosure, Long.toString(modifiedAt.toEpochMilli()), "save", sticky, keyPoints, actions, pemat, lang, translationOf);
    }

    /** The same form with times read in this zone. */
    ArticleForm inZone(ZoneId writerZone) {
        return new ArticleForm(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, publishAt,
                writerZone.getId(), disclosure, modified, intent, sticky, keyPoints, actions, pemat, lang, translationOf);
    }

    /** Checks every field and reports all problems at once; nothing is looked up in the database here. */
    ArticleEdit toEdit() {
        List<FieldProblem> errors = new ArrayList<>();
        String cleanTitle = title.strip();
        if (cleanTitle.isEmpty()) {
            errors.add(new FieldProblem("title", "Give the article a title."));
        } else if (cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldProblem("title", "Keep the title under " + MAX_TITLE + " characters."));
        }
        // A slug copied from the address bar arrives percent-encoded; one typed in another script may be decomposed.
        String cleanSlug = slug.isBlank() ? Slugs.of(cleanTitle) : Slugs.fromPath(slug.strip()).toLowerCase(java.util.Locale.ROOT);
        if (!cleanTitle.isEmpty() && (!Slugs.isValid(cleanSlug) || cleanSlug.isEmpty())) {
            errors.add(new FieldProblem("slug", "Use only lower-case letters (of any script), digits and single hyphens in the slug, such as knee-pain."));
        } else if (Slugs.isReserved(cleanSlug)) {
            errors.add(new FieldProblem("slug", "The address /" + cleanSlug + "/ is used by the site itself. Choose another slug."));
        }
        if (summary.strip().length() > MAX_SUMMARY) {
            errors.add(new FieldProblem("summary", "Keep the summary under " + MAX_SUMMARY + " characters: one or two sentences."));
        }
        if (markdown.length() > MAX_MARKDOWN) {
            errors.add(new FieldProblem("markdown", "The text is longer than " + MAX_MARKDOWN / 1000 + " thousand characters; split it into several articles."));
        }
        List<String> categoryNames = terms("categories", "categories", categories, errors);
        List<String> tagNames = terms("tags", "tags", tags, errors);
        List<String> points = keyPointLines("keyPoints", KeyPoints.Kind.POINTS, keyPoints, errors);
        List<String> todo = keyPointLines("actions", KeyPoints.Kind.ACTIONS, actions, errors);
        Long author = id("authorId", "Choose an author from the list.", authorId, errors);
        Long image = id("imageId", "Give the number of an image from the media library, or leave it empty.", imageId, errors);
        ZoneId writerZone = zone(errors);
        Instant when = publishTime(writerZone, errors);
        Instant seen = modified.isBlank() ? null : parseMillis(modified, errors);
        // A client that sends no PEMAT field at all (a script, an older page) leaves the stored answers alone.
        Map<PematItem, Rating> pematAnswers = Article.PAGE.equals(kind) || pemat.isEmpty() ? null : pematAnswers(errors);
        Language language = language(errors);
        String original = original(cleanSlug, errors);
        if (!errors.isEmpty()) {
            throw DeskProblem.invalid(errors);
        }
        return new ArticleEdit(Article.PAGE.equals(kind) ? Article.PAGE : Article.POST, cleanTitle, cleanSlug,
                blankToNull(summary.strip()), markdown.replace("\r\n", "\n"), categoryNames, tagNames, author, image,
                ArticleEdit.Intent.parse(intent), when, blankToNull(disclosure.strip()), seen,
                !Article.PAGE.equals(kind) && isSticky(), new KeyPoints(points, todo), pematAnswers, language, original);
    }

    private Language language(List<FieldProblem> errors) {
        if (lang.isBlank()) {
            return null;
        }
        return Language.parse(lang).orElseGet(() -> {
            errors.add(new FieldProblem("lang", "'" + lang.strip() + "' is not a language tag. Use one such as en, es, fr, de, hi, ar or pt-BR."));
            return null;
        });
    }

    /** The original's slug from what was typed: a slug, or its address copied from the site (/slug/ or https://.../slug/). */
    private String original(String ownSlug, List<FieldProblem> errors) {
        String typed = translationOf.strip();
        if (typed.isEmpty()) {
            return null;
        }
        String path = typed.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceAll("^/+|/+$", "");
        String slug = Slugs.fromPath(path.substring(path.lastIndexOf('/') + 1)).toLowerCase(java.util.Locale.ROOT);
        if (!Slugs.isValid(slug) || slug.isEmpty()) {
            errors.add(new FieldProblem("translationOf", "Give the slug of the original article, such as knee-pain, or paste its address."));
            return null;
        }
        if (slug.equals(ownSlug)) {
            errors.add(new FieldProblem("translationOf", "An article cannot be a translation of itself: give the original's slug."));
            return null;
        }
        return slug;
    }

    /** True when the sticky checkbox was ticked. */
    public boolean isSticky() {
        return "on".equals(sticky);
    }

    private static List<String> terms(String field, String what, String text, List<FieldProblem> errors) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(text.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        if (names.size() > MAX_TERMS) {
            errors.add(new FieldProblem(field, "Use at most " + MAX_TERMS + " " + what + "."));
        } else if (names.stream().anyMatch(n -> n.length() > MAX_TERM)) {
            errors.add(new FieldProblem(field, "Keep each of the " + what + " under " + MAX_TERM + " characters."));
        }
        return names;
    }

    private static List<String> keyPointLines(String field, KeyPoints.Kind kind, String text, List<FieldProblem> errors) {
        List<String> items = KeyPoints.lines(text);
        KeyPoints.problem(kind, items).ifPresent(problem -> errors.add(new FieldProblem(field, kind.heading + ": " + problem)));
        return items;
    }

    private Map<PematItem, Rating> pematAnswers(List<FieldProblem> errors) {
        Map<PematItem, Rating> answers = new EnumMap<>(PematItem.class);
        for (PematItem item : PematItem.values()) {
            String field = "pemat_" + item.number();
            try {
                java.util.Optional<Rating> rating = Rating.fromCode(pematChoice(item));
                if (rating.isPresent() && rating.get() == Rating.NOT_APPLICABLE && !item.allowsNotApplicable()) {
                    errors.add(new FieldProblem(field, "PEMAT item " + item.number() + " cannot be rated not applicable:"
                            + " choose Agree or Disagree."));
                } else {
                    rating.ifPresent(r -> answers.put(item, r));
                }
            } catch (IllegalArgumentException notARating) {
                errors.add(new FieldProblem(field, "Choose one of the ratings for PEMAT item " + item.number() + "."));
            }
        }
        return answers;
    }

    private static Long id(String field, String message, String text, List<FieldProblem> errors) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{1,18}")) {
            errors.add(new FieldProblem(field, message));
            return null;
        }
        return Long.parseLong(value);
    }

    private ZoneId zone(List<FieldProblem> errors) {
        try {
            return zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldProblem("zone", "Choose a time zone such as Europe/London or Asia/Kolkata."));
            return ZoneId.of("UTC");
        }
    }

    private Instant publishTime(ZoneId writerZone, List<FieldProblem> errors) {
        if (publishAt.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(publishAt.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(writerZone).toInstant().truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeException e) {
            errors.add(new FieldProblem("publishAt", "Write the publishing time as a date and time, such as 2026-12-24T09:00."));
            return null;
        }
    }

    private static Instant parseMillis(String text, List<FieldProblem> errors) {
        if (!text.strip().matches("\\d{1,15}")) {
            errors.add(new FieldProblem(null, "The form was damaged; open the article again."));
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(text.strip()));
    }

    private static String idText(Long id) {
        return id == null ? "" : id.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
