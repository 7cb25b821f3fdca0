package org.vertebra.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.content.ImageLinks;
import org.vertebra.content.ImageSize;
import org.vertebra.content.Slugs;

/**
 * The media library: JPEG, PNG, WebP and GIF images checked by their content, stripped of
 * metadata and stored under {@code YYYY/MM/} in the {@link MediaStore} with smaller variants beside
 * them ({@code heel.png}, {@code heel-150w.png}, {@code heel-640w.png}, ...); and audio and video
 * files for players ({@link PlayableType}), recognised the same way and stored as they came. A
 * file already in the library is found by the hash of its stored bytes and not stored twice.
 */
public final class MediaLibrary {

    public static final int MAX_ALT_CHARS = 1000;

    private final MediaRepository repository;
    private final ImageIntake intake;
    private final MediaLimits limits;
    private final MediaStore store;
    private final Clock clock;

    public MediaLibrary(Jdbi jdbi, MediaStore store, MediaLimits limits, Clock clock) {
        this.repository = new MediaRepository(jdbi);
        this.intake = new ImageIntake(limits);
        this.limits = limits;
        this.store = store;
        this.clock = clock;
    }

    /** A stored item, and the paths written for it (none when it was already there), so a failed import can remove them. */
    public record Stored(MediaItem item, List<String> writtenFiles) {
    }

    /**
     * Checks and stores an upload: the item stored, or {@link MediaRejected} with a message for the
     * person who sent it, in which case no file and no row is written.
     */
    public MediaItem upload(MediaUpload upload) {
        return store(upload).item();
    }

    /** Reads an upload from a stream, never more than the size limit (and one byte, to tell). */
    public MediaItem upload(String fileName, InputStream content, String alt) {
        return store(fileName, content, alt).item();
    }

    /** Like {@link #upload(String, InputStream, String)}, also telling which files were written (none: it was already there). */
    public Stored store(String fileName, InputStream content, String alt) {
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        } catch (IOException e) {
            throw new MediaRejected("The upload of " + fileName + " was interrupted; please send it again.");
        }
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(new MediaUpload(fileName, null, null).fileName());
        }
        return store(new MediaUpload(fileName, bytes, alt));
    }

    /** The refusal of a file over the size limit, for callers that find out before the bytes reach the library. */
    public MediaRejected tooLarge(String fileName) {
        return new MediaRejected(fileName + " is larger than " + ImageIntake.megabytes(limits.maxBytes())
                + ", the largest file accepted.");
    }

    /** Adds an image file from disk, as the importers do. */
    public Stored add(Path file, String alt) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MediaRejected("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        return store(new MediaUpload(file.getFileName().toString(), bytes, alt));
    }

    /** Like {@link #upload(MediaUpload)}, also telling which files were written. */
    public Stored store(MediaUpload upload) {
        checkAlt(upload.alt());
        Optional<PlayableType> playable = upload.content() == null ? Optional.empty() : PlayableType.sniff(upload.content());
        if (playable.isPresent()) {
            return storePlayable(upload, playable.get());
        }
        ImageIntake.Prepared image = intake.prepare(upload.fileName(), upload.content());
        String sha256 = sha256(image.original());
        Optional<MediaItem> existing = repository.findBySha256(sha256);
        if (existing.isPresent()) {
            return new Stored(describeIfBare(existing.get(), upload.alt()), List.of());
        }
        String base = freeBase(upload.fileName(), b -> paths(b, image));
        List<String> written = new ArrayList<>();
        try {
            written.add(write(base + "." + image.type().extension, image.original()));
            List<MediaVariant> variants = new ArrayList<>();
            for (ImageIntake.Encoded v : image.variants()) {
                String path = variantPath(base, v.size(), v.type());
                written.add(write(path, v.bytes()));
                variants.add(new MediaVariant(v.size().label, path, v.type().contentType, v.bytes().length, v.width(), v.height()));
            }
            MediaItem item = repository.insert(new MediaItem(0, base + "." + image.type().extension, upload.fileName(),
                    image.type().contentType, image.original().length, image.width(), image.height(), sha256, upload.alt(),
                    image.animated(), variants), clock.instant());
            return new Stored(item, List.copyOf(written));
        } catch (RuntimeException e) {
            discard(written);
            throw e;
        }
    }

    /** An audio or video file: within the size limit, stored as it is, without variants or dimensions. */
    private Stored storePlayable(MediaUpload upload, PlayableType type) {
        if (upload.content().length > limits.maxBytes()) {
            throw tooLarge(upload.fileName());
        }
        String sha256 = sha256(upload.content());
        Optional<MediaItem> existing = repository.findBySha256(sha256);
        if (existing.isPresent()) {
            return new Stored(describeIfBare(existing.get(), upload.alt()), List.of());
        }
        String path = freeBase(upload.fileName(), b -> List.of(b + "." + type.extension)) + "." + type.extension;
        List<String> written = List.of(write(path, upload.content()));
        try {
            MediaItem item = repository.insert(new MediaItem(0, path, upload.fileName(), type.contentType, upload.content().length,
                    null, null, sha256, upload.alt(), false, List.of()), clock.instant());
            return new Stored(item, written);
        } catch (RuntimeException e) {
            discard(written);
            throw e;
        }
    }

    /** An item with the time it was uploaded, for the library's pages. */
    public record Entry(MediaItem item, Instant uploadedAt) {
    }

    /** One page of the library, newest first. */
    public record Listing(List<Entry> entries, int page, int pages, long total) {
        public Listing {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Page {@code page} (from 1) of the library, {@code perPage} items each, newest first; with
     * {@code undescribedOnly}, only the images without alt text. A page past the last is empty.
     */
    public Listing list(boolean undescribedOnly, int page, int perPage) {
        return list("", undescribedOnly, page, perPage);
    }

    /**
     * Like {@link #list(boolean, int, int)}, only the items whose file name (stored or uploaded) or
     * alt text contains {@code search}, in any case; every item when it is blank.
     */
    public Listing list(String search, boolean undescribedOnly, int page, int perPage) {
        return list(new MediaRepository.Selection(search, undescribedOnly, null), page, perPage);
    }

    /** Like {@link #list(String, boolean, int, int)}, only the images: what may be a featured image. */
    public Listing listImages(String search, int page, int perPage) {
        return list(new MediaRepository.Selection(search, false, MediaKind.IMAGE), page, perPage);
    }

    private Listing list(MediaRepository.Selection selection, int page, int perPage) {
        long total = repository.count(selection);
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        return new Listing(repository.page(selection, perPage, (long) (page - 1) * perPage), page, pages, total);
    }

    /** How many items the library holds; with {@code undescribedOnly}, how many have no alt text. */
    public long count(boolean undescribedOnly) {
        return repository.count(new MediaRepository.Selection("", undescribedOnly, null));
    }

    public Optional<Entry> entry(long id) {
        return byId(id).flatMap(item -> repository.createdAt(id).map(at -> new Entry(item, at)));
    }

    public Optional<MediaItem> byId(long id) {
        return repository.findById(id);
    }

    /** The items with these ids, with their variants, by id (one statement however many); ids not found are left out. */
    public java.util.Map<Long, MediaItem> byIds(Collection<Long> ids) {
        return repository.findByIds(ids).stream()
                .collect(java.util.stream.Collectors.toMap(MediaItem::id, java.util.function.Function.identity()));
    }

    /** Looks up a library image by its address, {@code /media/...}. */
    public Optional<MediaItem> byUrl(String url) {
        return url.startsWith("/media/") ? repository.findByPath(url.substring("/media/".length())) : Optional.empty();
    }

    /** Sets or clears (blank) an item's alt text; {@link MediaRejected} when it is longer than the library keeps. */
    public void describe(long id, String alt) {
        checkAlt(alt);
        repository.updateAlt(id, alt == null || alt.isBlank() ? null : alt.strip());
    }

    /** The library images among these addresses ({@code /media/...}) that have no alt text. */
    public List<MediaItem> withoutAltText(Collection<String> urls) {
        List<String> paths = urls.stream().filter(u -> u.startsWith("/media/")).map(u -> u.substring("/media/".length()))
                .distinct().toList();
        return repository.findByPaths(paths).stream().filter(m -> !m.hasAlt()).toList();
    }

    /**
     * What keeps an article from being published for want of alt text: its featured image when the
     * library has no alt text for it, and each library image in the body whose Markdown gives none
     * ({@code ![](...)}) and the library none either. Empty when every image is described.
     */
    public List<MediaItem> missingAltText(Long featuredImageId, String markdownBody) {
        Set<String> urls = new LinkedHashSet<>();
        if (featuredImageId != null) {
            byId(featuredImageId).ifPresent(m -> urls.add(m.url()));
        }
        for (ImageLinks.Found image : ImageLinks.find(markdownBody == null ? "" : markdownBody)) {
            if (image.alt().isBlank()) {
                urls.add(image.destination());
            }
        }
        return withoutAltText(urls);
    }

    /** Sizes of library images by address, for the width and height of images in article bodies. */
    public ImageSize.Lookup sizes() {
        return url -> byUrl(url).filter(m -> m.width() != null && m.height() != null)
                .map(m -> new ImageSize(m.width(), m.height()));
    }

    /** The stored bytes of a file of the library, by its path ({@code 2024/06/heel-640w.jpg}). */
    public Optional<byte[]> file(String path) {
        return MediaStore.isSafe(path) ? store.read(path) : Optional.empty();
    }

    public MediaLimits limits() {
        return limits;
    }

    private static void checkAlt(String alt) {
        if (alt != null && alt.strip().length() > MAX_ALT_CHARS) {
            throw new MediaRejected("The alt text is " + alt.strip().length() + " characters; the longest accepted is "
                    + MAX_ALT_CHARS + ". Say what the picture shows in a sentence or two.");
        }
    }

    private MediaItem describeIfBare(MediaItem item, String alt) {
        if (item.hasAlt() || alt == null) {
            return item;
        }
        repository.updateAlt(item.id(), alt);
        return new MediaItem(item.id(), item.path(), item.originalName(), item.contentType(), item.byteSize(),
                item.width(), item.height(), item.sha256(), alt, item.animated(), item.variants());
    }

    /** A path stem, such as {@code 2024/06/heel}, free for every path the item needs ({@code pathsOf} the stem). */
    private String freeBase(String originalName, java.util.function.Function<String, List<String>> pathsOf) {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        String folder = String.format(Locale.ROOT, "%04d/%02d/", now.getYear(), now.getMonthValue());
        String stem = originalName.contains(".") ? originalName.substring(0, originalName.lastIndexOf('.')) : originalName;
        String slug = Slugs.ascii(stem).isEmpty() ? "image" : Slugs.ascii(stem);
        String base = folder + slug;
        for (int n = 2; !isFree(pathsOf.apply(base)); n++) {
            base = folder + slug + "-" + n;
        }
        return base;
    }

    private static List<String> paths(String base, ImageIntake.Prepared image) {
        List<String> paths = new ArrayList<>();
        paths.add(base + "." + image.type().extension);
        image.variants().forEach(v -> paths.add(variantPath(base, v.size(), v.type())));
        return paths;
    }

    private boolean isFree(List<String> paths) {
        return paths.stream().noneMatch(p -> repository.pathTaken(p) || store.exists(p));
    }

    private static String variantPath(String base, MediaVariant.Size size, MediaType type) {
        return base + "-" + size.width + "w." + type.extension;
    }

    private String write(String path, byte[] bytes) {
        store.write(path, bytes);
        return path;
    }

    /** Removes files written for an item that was then not stored; an import that fails calls it too. */
    public void discard(List<String> paths) {
        paths.forEach(store::delete);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
