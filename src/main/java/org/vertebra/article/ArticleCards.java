package org.vertebra.article;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.layout.CardView;
import org.vertebra.layout.DateText;
import org.vertebra.layout.Excerpts;
import org.vertebra.layout.ImageView;
import org.vertebra.media.MediaItem;
import org.vertebra.media.MediaLibrary;

/** Turns article list entries into the cards that templates show, with author names and images. */
public final class ArticleCards {

    static final int EXCERPT_CHARS = 160;

    private final AuthorService authors;
    private final MediaLibrary media;
    private final CommentCounts comments;

    public ArticleCards(AuthorService authors, MediaLibrary media, CommentCounts comments) {
        this.authors = authors;
        this.media = media;
        this.comments = comments;
    }

    /** Approved comments per article (articles without any may be left out); the comment feature provides it. */
    @FunctionalInterface
    public interface CommentCounts {
        Map<Long, Integer> of(java.util.Collection<Long> articleIds);
    }

    public List<CardView> of(List<ArticleCard> cards) {
        return of(cards, EXCERPT_CHARS);
    }

    /** Cards with excerpts of at most {@code excerptChars} characters, for narrow places such as the sidebar. */
    public List<CardView> of(List<ArticleCard> cards, int excerptChars) {
        Map<Long, Author> byId = authors(cards.stream().map(ArticleCard::authorId).toList());
        Map<Long, MediaItem> images = images(cards.stream().map(ArticleCard::imageId).toList());
        return of(cards, excerptChars, byId, images);
    }

    /** The approved comments' counts of these cards, by article id (in one statement, none for no cards). */
    Map<Long, Integer> commentCounts(List<ArticleCard> cards) {
        return cards.isEmpty() ? Map.of() : comments.of(cards.stream().map(ArticleCard::id).collect(Collectors.toSet()));
    }

    /** The authors with these ids (nulls ignored), by id, in one statement. */
    Map<Long, Author> authors(java.util.Collection<Long> ids) {
        java.util.Set<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return wanted.isEmpty() ? Map.of()
                : authors.byIds(wanted).stream().collect(Collectors.toMap(Author::id, Function.identity()));
    }

    /** The images with these ids (nulls ignored), by id, with their variants, in one statement. */
    Map<Long, MediaItem> images(java.util.Collection<Long> ids) {
        java.util.Set<Long> wanted = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        return wanted.isEmpty() ? Map.of() : media.byIds(wanted);
    }

    /** Cards whose authors and images were read already (with the page's own, say). */
    List<CardView> of(List<ArticleCard> cards, int excerptChars, Map<Long, Author> byId, Map<Long, MediaItem> images) {
        return of(cards, excerptChars, byId, images, commentCounts(cards));
    }

    /** Cards whose authors, images and comment counts were read already (with the page's comments, say). */
    List<CardView> of(List<ArticleCard> cards, int excerptChars, Map<Long, Author> byId, Map<Long, MediaItem> images,
                      Map<Long, Integer> counts) {
        return cards.stream().map(card -> {
            Author author = card.authorId() == null ? null : byId.get(card.authorId());
            MediaItem image = card.imageId() == null ? null : images.get(card.imageId());
            return new CardView(card.url(), card.title(), Excerpts.cut(card.excerpt(), excerptChars),
                    image == null ? null : view(image, ""), DateText.words(card.publishedAt()), DateText.iso(card.publishedAt()),
                    author == null ? null : author.name(), author == null ? null : author.url(),
                    counts.getOrDefault(card.id(), 0));
        }).toList();
    }

    ImageView image(Long mediaId, String fallbackAlt) {
        if (mediaId == null) {
            return null;
        }
        return media.byId(mediaId).map(m -> view(m, fallbackAlt)).orElse(null);
    }

    static ImageView view(MediaItem item, String fallbackAlt) {
        String alt = item.alt() == null || item.alt().isBlank() ? fallbackAlt : item.alt();
        return new ImageView(item.url(), item.width(), item.height(), alt, item.srcset());
    }
}
