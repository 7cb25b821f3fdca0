package org.vertebra.media;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.vertebra.layout.DateText;
import org.vertebra.layout.ImageView;

/**
 * A library item as the admin pages show it: its name, facts in words, and its thumbnail.
 *
 * @param kind       an image, or a sound or video, which has no pixels and no thumbnail
 * @param alt        the alt text, or null when the item has none yet (the page says "No description")
 * @param thumbnail  an image's thumbnail variant, or the original when it is no wider than a thumbnail;
 *                   null for a sound or video
 */
public record MediaView(long id, String adminUrl, String url, String name, MediaKind kind, String type, String dimensions,
                        String bytes, String uploadedText, String uploadedIso, String alt, ImageView thumbnail) {

    /** "1 Dec 2026": short enough for a card's narrow column. */
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    static MediaView of(MediaLibrary.Entry entry) {
        MediaItem item = entry.item();
        return new MediaView(item.id(), "/admin/media/" + item.id() + "/", item.url(), fileName(item), item.kind(),
                typeLabel(item.contentType()), dimensions(item.width(), item.height()), bytes(item.byteSize()),
                SHORT_DATE.format(entry.uploadedAt().atZone(ZoneOffset.UTC)), DateText.iso(entry.uploadedAt()),
                item.hasAlt() ? item.alt() : null, item.kind().isImage() ? thumbnail(item) : null);
    }

    private static ImageView thumbnail(MediaItem item) {
        return item.variants().stream().filter(v -> v.name().equals(MediaVariant.Size.THUMBNAIL.label)).findFirst()
                .map(v -> new ImageView(v.url(), v.width(), v.height(), altOrEmpty(item)))
                .orElseGet(() -> new ImageView(item.url(), item.width(), item.height(), altOrEmpty(item)));
    }

    public boolean isImage() {
        return kind.isImage();
    }

    public boolean needsDescription() {
        return alt == null;
    }

    /** The stored file's name, {@code heel.png} for {@code 2024/06/heel.png}. */
    static String fileName(MediaItem item) {
        return item.path().substring(item.path().lastIndexOf('/') + 1);
    }

    static String typeLabel(String contentType) {
        return Arrays.stream(MediaType.values()).filter(t -> t.contentType.equals(contentType)).map(t -> t.label)
                .findFirst().or(() -> Arrays.stream(PlayableType.values()).filter(t -> t.contentType.equals(contentType))
                        .map(t -> t.label).findFirst()).orElse(contentType);
    }

    /** Width by height in pixels, {@code 1200 × 675}. */
    static String dimensions(Integer width, Integer height) {
        return width == null || height == null ? "unknown" : width + " \u00d7 " + height;
    }

    /** A file size as people read it: 830 bytes, 14 KB, 1.2 MB. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String altOrEmpty(MediaItem item) {
        return item.hasAlt() ? item.alt() : "";
    }
}
