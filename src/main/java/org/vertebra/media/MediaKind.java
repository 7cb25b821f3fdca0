package org.vertebra.media;

import java.util.Locale;

/**
 * What a library item is to a reader, from its content type: a picture to see, or a sound or a
 * video to play in a native player (see {@link PlayableType}).
 */
public enum MediaKind {
    IMAGE("image", "Image"),
    AUDIO("sound", "Sound"),
    VIDEO("video", "Video");

    /** The word for it in a sentence: "Delete the sound". */
    public final String noun;
    /** The word for it on its own, as a placeholder's label. */
    public final String label;

    MediaKind(String noun, String label) {
        this.noun = noun;
        this.label = label;
    }

    /** The kind whose content types start with {@link #typePrefix()}; an unknown type counts as an image, as before. */
    public static MediaKind of(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        for (MediaKind kind : values()) {
            if (type.startsWith(kind.typePrefix())) {
                return kind;
            }
        }
        return IMAGE;
    }

    /** {@code image/}, {@code audio/} or {@code video/}: where the content types of this kind start. */
    public String typePrefix() {
        return name().toLowerCase(Locale.ROOT) + "/";
    }

    /** The element that plays it, {@code audio} or {@code video}; null for an image. */
    public String playerElement() {
        return this == IMAGE ? null : name().toLowerCase(Locale.ROOT);
    }

    public boolean isImage() {
        return this == IMAGE;
    }
}
