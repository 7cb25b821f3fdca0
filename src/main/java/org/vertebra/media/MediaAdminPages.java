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
                              long total, long undescribed, String alt, String maxUpload, int altLimit, FormError message) {
        public LibraryPage {
            items = List.copyOf(items);
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
     * @param alt  what the alt text form holds: the saved text, or what was typed when it was refused
     */
    public record ItemPage(AdminFrame frame, MediaView media, ImageView preview, List<Size> sizes, String markdown,
                           String alt, int altLimit, FormError message) {
        public ItemPage {
            sizes = List.copyOf(sizes);
        }
    }

    /** The original or one of its variants, with its address. */
    public record Size(String label, String url, String dimensions, String bytes) {
    }
}
