package org.vertebra.media;

/**
 * A file in the media library, served at {@link #url()}.
 *
 * @param path  where it lives under the media folder, such as {@code 2024/06/heel.png}
 */
public record MediaItem(long id, String path, String originalName, String contentType, long byteSize,
                        Integer width, Integer height, String sha256, String alt) {

    public String url() {
        return "/media/" + path;
    }
}
