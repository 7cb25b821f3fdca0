package org.vertebra.media;

import java.util.List;
import java.util.stream.Collectors;
import org.vertebra.content.PlayerHtml;

/**
 * A file in the media library, served at {@link #url()}.
 *
 * @param path      where it lives under the media folder, such as {@code 2024/06/heel.png}
 * @param alt       what the picture shows, for readers who cannot see it; null until described
 * @param variants  smaller copies, smallest first; empty for images added before variants existed
 */
public record MediaItem(long id, String path, String originalName, String contentType, long byteSize,
                        Integer width, Integer height, String sha256, String alt, boolean animated,
                        List<MediaVariant> variants) {

    public MediaItem {
        variants = List.copyOf(variants);
    }

    public String url() {
        return "/media/" + path;
    }

    public MediaKind kind() {
        return MediaKind.of(contentType);
    }

    /**
     * What an article's Markdown holds to show it: an image with its alt text (brackets escaped),
     * or for a sound or video the native player that the WordPress import writes too.
     */
    public String snippet() {
        if (!kind().isImage()) {
            return PlayerHtml.figure(kind().playerElement(), List.of(url()), null, null);
        }
        String text = hasAlt() ? alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]") : "";
        return "![" + text + "](" + url() + ")";
    }

    public boolean hasAlt() {
        return alt != null && !alt.isBlank();
    }

    /**
     * The {@code srcset} of this image: each variant and the original with its width, so the
     * browser fetches the smallest that fills the space. Null when there is no choice to offer, or
     * when the original is animated (its variants are stills).
     */
    public String srcset() {
        if (variants.isEmpty() || width == null || animated) {
            return null;
        }
        return variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "))
                + ", " + url() + " " + width + "w";
    }
}
