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
        Map<Long, Author> byId = authors.byIds(cards.stream().map(ArticleCard::authorId)
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Author::id, Function.identity()));
        Map<Long, Integer> counts = cards.isEmpty() ? Map.of()
                : comments.of(cards.stream().map(ArticleCard::id).collect(Collectors.toSet()));
        return cards.stream().map(card -> {
            Author author = card.authorId() == null ? null : byId.get(card.authorId());
            return new CardView(card.url(), card.title(), Excerpts.cut(card.excerpt(), excerptChars),
                    image(card.imageId(), ""), DateText.words(card.publishedAt()), DateText.iso(card.publishedAt()),
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
