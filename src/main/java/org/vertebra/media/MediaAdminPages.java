package org.vertebra.media;

import java.util.List;
import org.vertebra.account.FormError;
import org.vertebra.layout.AdminFrame;
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
                              long total, long undescribed, String alt, String maxUpload, int altLimit, FormError message,
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
            return found == 0 ? "No image matches" : found == 1 ? "One image matches" : found + " images match";
        }
    }

    /** Links to the neighbouring pages of the library; null where there is none. */
    public record Paging(int current, int total, String previousUrl, String nextUrl) {
        public boolean isNeeded() {
            return total > 1;
        }
    }

    /**
     * One item: a large preview, its sizes, the Markdown that shows it, and the alt text form.
     *
     * @param alt         what the alt text form holds: the saved text, or what was typed when it was refused
     * @param uses        where the image is shown (articles, pages, author photos); empty when nowhere
     * @param mayDelete   whether this person may delete images
     * @param confirming  a deletion was refused because of {@code uses}: the page asks to confirm it
     */
    public record ItemPage(AdminFrame frame, MediaView media, ImageView preview, List<Size> sizes, String markdown,
                           String alt, int altLimit, FormError message, List<MediaUse> uses, boolean mayDelete,
                           boolean confirming) {
        public ItemPage {
            sizes = List.copyOf(sizes);
            uses = List.copyOf(uses);
        }
    }

    /** One image as the editor's picker lists it (JSON). */
    public record PickerItem(long id, String name, String url, String thumbnail, Integer width, Integer height,
                             String alt, String markdown) {
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
