package org.vertebra.author;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.content.ShortMarkdown;
import org.vertebra.layout.AuthorView;
import org.vertebra.layout.ImageView;
import org.vertebra.media.MediaLibrary;

/** Turns an author into what the author box and the author's page show: photo, bio as HTML, labelled links. */
public final class AuthorViews {

    private final MediaLibrary media;

    public AuthorViews(MediaLibrary media) {
        this.media = media;
    }

    public AuthorView of(Author author) {
        return of(author, author.photoId() == null ? java.util.Optional.empty() : media.byId(author.photoId()));
    }

    /** The view with a photo read already (with the other images of a page, say); empty when it has none. */
    public AuthorView of(Author author, java.util.Optional<org.vertebra.media.MediaItem> photoItem) {
        ImageView photo = photoItem
                .map(m -> new ImageView(m.url(), m.width(), m.height(), "Photo of " + author.name(), m.srcset()))
                .orElse(null);
        List<AuthorView.Link> links = new ArrayList<>();
        if (author.website() != null) {
            links.add(new AuthorView.Link("Website", author.website()));
        }
        author.links().forEach(url -> links.add(new AuthorView.Link(ProfileLinks.label(url), url)));
        return new AuthorView(author.name(), author.url(), author.credentials(), ShortMarkdown.html(author.bio()), photo,
                List.copyOf(links));
    }
}
