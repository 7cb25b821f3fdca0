package org.vertebra.media;

import java.util.List;
import org.vertebra.admin.AdminFrame;
import org.vertebra.form.FormMessages;
import org.vertebra.layout.ImageView;

/** The view records of the media library's admin pages (src/main/jte/media/). */
public final class MediaAdminPages {

    private MediaAdminPages() {
    }

    /**
     * The library: the upload form, the filter and one page of thumbnails.
     *
     * @param alt          what was typed in the upload form's alt text, kept after a refusal
     * @param maxUpload    the largest file accepted, in words ("10 MB")
     */
    public record LibraryPage(AdminFrame frame, List<MediaView> items, Paging paging, boolean undescribedOnly,
                              long total, long undescribed, String alt, String maxUpload, int altLimit, FormMessages messages,
                              String search, long found) {
        public LibraryPage {
            items = List.copyOf(items);
        }

        /** The library with or without the "needs a description" filter, keeping the search. */
        public String filterUrl(boolean undescribed) {
            String q = search.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8);
            String query = undescribed ? "filter=needs-description" + (q.isEmpty() ? "" : "&" + q) : q;
            return "/admin/media/" + (query.isEmpty() ? "" : "?" + query);
        }

        /** What the search found, in words. */
        public String foundText() {
            return found == 0 ? "No file matches" : found == 1 ? "One file matches" : found + " files match";
        }

        /** The upload field's {@code accept}: every type the library takes. */
        public String accept() {
            return AcceptedTypes.accept();
        }

        /** The formats of one kind that the library takes, in words: "MP3, M4A, WAV, Ogg or FLAC". */
        public String formats(MediaKind kind) {
            return AcceptedTypes.names(kind);
        }
    }

    /** Links to the neighbouring pages of the library; null where there is none. */
    public record Paging(int current, int total, String previousUrl, String nextUrl) {
        public boolean isNeeded() {
            return total > 1;
        }
    }

    /**
     * One item: a large preview (a player for a sound or video), its sizes, the Markdown that shows
     * it (for a sound or video, the player's HTML), and the alt text form.
     *
     * @param preview     an image's preview; null for a sound or video
     * @param alt         what the alt text form holds: the saved text, or what was typed when it was refused
     * @param uses        where the image is shown (articles, pages, author photos); empty when nowhere
     * @param mayDelete   whether this person may delete images
     * @param confirming  a deletion was refused because of {@code uses}: the page asks to confirm it
     */
    public record ItemPage(AdminFrame frame, MediaView media, ImageView preview, List<Size> sizes, String markdown,
                           String alt, int altLimit, FormMessages messages, List<MediaUse> uses, boolean mayDelete,
                           boolean confirming) {
        public ItemPage {
            sizes = List.copyOf(sizes);
            uses = List.copyOf(uses);
        }
    }

    /**
     * One item as the editor's picker lists it (JSON).
     *
     * @param kind       {@code image}, {@code audio} or {@code video}
     * @param thumbnail  an image's thumbnail; null for a sound or video
     * @param markdown   what the editor inserts: an image's Markdown or a player's HTML
     */
    public record PickerItem(long id, String kind, String type, String name, String url, String thumbnail, Integer width,
                             Integer height, String alt, String markdown) {

        static PickerItem of(MediaView view, MediaItem item) {
            return new PickerItem(item.id(), item.kind().name().toLowerCase(java.util.Locale.ROOT), view.type(), view.name(),
                    item.url(), view.thumbnail() == null ? null : view.thumbnail().url(), item.width(), item.height(),
                    view.alt(), item.snippet());
        }
    }

    /** One page of the picker's list (JSON); {@code next} is the address of the following page, or null. */
    public record PickerPage(List<PickerItem> items, long total, String next) {
        public PickerPage {
            items = List.copyOf(items);
        }
    }

    /** The original or one of its variants, with its address. */
    public record Size(String label, String url, String dimensions, String bytes) {
    }
}
