package org.vertebra.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.vertebra.content.ImageSize;
import org.vertebra.content.Slugs;

/**
 * The media library: images copied into {@code DATA/media/YYYY/MM/}, recorded with their type
 * (from their content, never their name), size in pixels and a hash so the same file is stored once.
 */
public final class MediaLibrary {

    private final MediaRepository repository;
    private final Path mediaDir;
    private final Clock clock;

    public MediaLibrary(org.jdbi.v3.core.Jdbi jdbi, Path mediaDir, Clock clock) {
        this.repository = new MediaRepository(jdbi);
        this.mediaDir = mediaDir;
        this.clock = clock;
    }

    /** A stored item, and the file that was written for it, if any, so a failed import can remove it. */
    public record Stored(MediaItem item, Optional<Path> writtenFile) {
    }

    /** Adds an image file; a file already in the library is found by its hash, not copied again. */
    public Stored add(Path file, String alt) {
        byte[] bytes = read(file);
        MediaType type = MediaType.sniff(bytes).orElseThrow(() -> new UnsupportedMedia(
                file.getFileName() + " is not a JPEG, PNG, WebP or GIF image"));
        String sha256 = sha256(bytes);
        Optional<MediaItem> existing = repository.findBySha256(sha256);
        if (existing.isPresent()) {
            return new Stored(existing.get(), Optional.empty());
        }
        String path = freePath(file.getFileName().toString(), type);
        Optional<ImageSize> size = sizeOf(bytes, type);
        Path target = mediaDir.resolve(path);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        MediaItem item = repository.insert(new MediaItem(0, path, file.getFileName().toString(), type.contentType,
                bytes.length, size.map(ImageSize::width).orElse(null), size.map(ImageSize::height).orElse(null),
                sha256, alt), clock.instant());
        return new Stored(item, Optional.of(target));
    }

    public Optional<MediaItem> byId(long id) {
        return repository.findById(id);
    }

    /** Looks up a library image by its address, {@code /media/...}. */
    public Optional<MediaItem> byUrl(String url) {
        return url.startsWith("/media/") ? repository.findByPath(url.substring("/media/".length())) : Optional.empty();
    }

    public void describe(long id, String alt) {
        repository.updateAlt(id, alt);
    }

    /** Sizes of library images by address, for the width and height of images in article bodies. */
    public ImageSize.Lookup sizes() {
        return url -> byUrl(url).filter(m -> m.width() != null && m.height() != null)
                .map(m -> new ImageSize(m.width(), m.height()));
    }

    public Path directory() {
        return mediaDir;
    }

    private String freePath(String originalName, MediaType type) {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        String folder = String.format(Locale.ROOT, "%04d/%02d/", now.getYear(), now.getMonthValue());
        String stem = originalName.contains(".") ? originalName.substring(0, originalName.lastIndexOf('.')) : originalName;
        String base = Slugs.of(stem).isEmpty() ? "image" : Slugs.of(stem);
        String candidate = folder + base + "." + type.extension;
        for (int n = 2; repository.pathExists(candidate) || Files.exists(mediaDir.resolve(candidate)); n++) {
            candidate = folder + base + "-" + n + "." + type.extension;
        }
        return candidate;
    }

    static Optional<ImageSize> sizeOf(byte[] bytes, MediaType type) {
        if (type == MediaType.WEBP) {
            return webpSize(bytes);
        }
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            BufferedImage image = ImageIO.read(in);
            return image == null ? Optional.empty() : Optional.of(new ImageSize(image.getWidth(), image.getHeight()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK reads no WebP, but its size sits at fixed places in the three chunk kinds. */
    private static Optional<ImageSize> webpSize(byte[] b) {
        if (b.length < 30) {
            return Optional.empty();
        }
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> Optional.of(new ImageSize(le.getShort(26) & 0x3FFF, le.getShort(28) & 0x3FFF));
            case "VP8L" -> {
                int bits = le.getInt(21);
                yield Optional.of(new ImageSize((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
            }
            case "VP8X" -> Optional.of(new ImageSize(
                    1 + ((b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16),
                    1 + ((b[27] & 0xFF) | (b[28] & 0xFF) << 8 | (b[29] & 0xFF) << 16)));
            default -> Optional.empty();
        };
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnsupportedMedia("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A file that the library cannot take; its message is shown to the user. */
    public static final class UnsupportedMedia extends RuntimeException {
        public UnsupportedMedia(String message) {
            super(message);
        }
    }
}
