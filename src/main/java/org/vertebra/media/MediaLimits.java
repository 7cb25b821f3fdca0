package org.vertebra.media;

/**
 * What the library accepts. The byte limit is a setting ({@code media.max_upload_mb}); the pixel
 * limit bounds the memory a decoded picture takes (4 bytes a pixel), whatever its file size: a
 * few kilobytes of PNG can declare a picture of gigabytes.
 */
public record MediaLimits(long maxBytes, long maxPixels) {

    public static final int DEFAULT_MAX_UPLOAD_MB = 10;
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    public static MediaLimits ofMegabytes(int maxUploadMb) {
        return new MediaLimits(maxUploadMb * 1024L * 1024L, DEFAULT_MAX_PIXELS);
    }
}
