package org.vertebra.media;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The file types the library takes, in words and as a file input's {@code accept}, from {@link MediaType} and {@link PlayableType}. */
final class AcceptedTypes {

    private AcceptedTypes() {
    }

    /** Every accepted content type, images first: {@code image/jpeg,...,video/quicktime}. */
    static String accept() {
        return Stream.concat(Stream.of(MediaType.values()).map(t -> t.contentType),
                Stream.of(PlayableType.values()).map(t -> t.contentType)).collect(Collectors.joining(","));
    }

    /** The formats of one kind, "JPEG, PNG, WebP or GIF". */
    static String names(MediaKind kind) {
        List<String> names = Stream.concat(
                        Stream.of(MediaType.values()).filter(t -> kind == MediaKind.IMAGE).map(t -> t.label),
                        Stream.of(PlayableType.values()).filter(t -> MediaKind.of(t.contentType) == kind).map(t -> t.format))
                .distinct().toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
