package org.vertebra.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vertebra.content.KeyPoints;
import org.vertebra.language.Language;
import org.vertebra.pemat.PematItem;
import org.vertebra.pemat.Rating;

/**
 * What a writer asks the desk to do with an article, validated and typed.
 *
 * @param publishAt when to publish; null means now (or, for a published article, when it first was)
 * @param seenModifiedAt when the article had last changed as the writer opened it; null for a new one
 * @param sticky         a post that stays first on the home page
 * @param keyPoints      the "Key points" and "What you can do" boxes, within {@link KeyPoints}' limits
 * @param pematAnswers   the editor's PEMAT answers, every one given (the rest are Vertebra's or unanswered);
 *                       null to leave the stored answers as they are
 * @param lang           the language it is written in; null keeps the article's (a new one takes the site's)
 * @param translationOf  the slug of the original it translates; null when it is an original
 */
record ArticleEdit(String kind, String title, String slug, String summary, String markdown,
                          List<String> categories, List<String> tags, Long authorId, Long imageId,
                          Intent intent, Instant publishAt, String disclosure, Instant seenModifiedAt, boolean sticky,
                          KeyPoints keyPoints, Map<PematItem, Rating> pematAnswers, Language lang, String translationOf) {

    /** An edit that keeps the article's language and translation group as they are (or, for a new one, the site's language). */
    public ArticleEdit(String kind, String title, String slug, String summary, String markdown, List<String> categories,
                       List<String> tags, Long authorId, Long imageId, Intent intent, Instant publishAt, String disclosure,
                       Instant seenModifiedAt, boolean sticky, KeyPoints keyPoints, Map<PematItem, Rating> pematAnswers) {
        this(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, intent, publishAt, disclosure,
                seenModifiedAt, sticky, keyPoints, pematAnswers, null, null);
    }

    /** An edit that leaves the stored PEMAT answers as they are. */
    public ArticleEdit(String kind, String title, String slug, String summary, String markdown, List<String> categories,
                       List<String> tags, Long authorId, Long imageId, Intent intent, Instant publishAt, String disclosure,
                       Instant seenModifiedAt, boolean sticky, KeyPoints keyPoints) {
        this(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, intent, publishAt, disclosure,
                seenModifiedAt, sticky, keyPoints, null);
    }

    /** An edit of an article that is not (or no longer) sticky, without key points. */
    public ArticleEdit(String kind, String title, String slug, String summary, String markdown, List<String> categories,
                       List<String> tags, Long authorId, Long imageId, Intent intent, Instant publishAt, String disclosure,
                       Instant seenModifiedAt) {
        this(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, intent, publishAt, disclosure,
                seenModifiedAt, false, KeyPoints.NONE);
    }

    /** The same edit as if another button had been pressed. */
    ArticleEdit withIntent(Intent other) {
        return new ArticleEdit(kind, title, slug, summary, markdown, categories, tags, authorId, imageId, other, publishAt,
                disclosure, seenModifiedAt, sticky, keyPoints, pematAnswers, lang, translationOf);
    }

    /** The button the writer pressed. */
    public enum Intent {
        SAVE("save"), REQUEST_REVIEW("review"), PUBLISH("publish"), UNPUBLISH("unpublish");

        private final String key;

        Intent(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Intent parse(String key) {
            for (Intent intent : values()) {
                if (intent.key.equals(key)) {
                    return intent;
                }
            }
            return SAVE;
        }
    }

    public ArticleEdit {
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        keyPoints = keyPoints == null ? KeyPoints.NONE : keyPoints;
        pematAnswers = pematAnswers == null ? null : Map.copyOf(pematAnswers);
    }
}
