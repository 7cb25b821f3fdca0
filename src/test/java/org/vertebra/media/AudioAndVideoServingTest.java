package org.vertebra.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestServer;

/** Audio and video files in the library: recognised by their bytes, served with their type and in byte ranges so players can seek. */
class AudioAndVideoServingTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    /** The first bytes of each type as its tools write them, then filler. */
    private static byte[] file(String head, int length) {
        byte[] bytes = new byte[length];
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(start, 0, bytes, 0, start.length);
        for (int i = start.length; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    @Test
    void recognisesAudioAndVideoByTheirFirstBytesWhateverTheirName() {
        assertThat(PlayableType.sniff(file("ID3\u0004\u0000", 64))).contains(PlayableType.MP3);
        assertThat(PlayableType.sniff(file("\u00ff\u00fb\u0090\u0064", 64))).contains(PlayableType.MP3);
        assertThat(PlayableType.sniff(file("\u0000\u0000\u0000\u0020ftypM4A \u0000\u0000\u0000\u0000", 64))).contains(PlayableType.M4A);
        assertThat(PlayableType.sniff(file("RIFF\u0024\u0000\u0000\u0000WAVEfmt ", 64))).contains(PlayableType.WAV);
        assertThat(PlayableType.sniff(file("OggS\u0000\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001vorbis", 64)))
                .contains(PlayableType.OGG_AUDIO);
        assertThat(PlayableType.sniff(file("\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000\u0000\u0000mp42isom", 64))).contains(PlayableType.MP4);
        assertThat(PlayableType.sniff(file("\u001a\u0045\u00df\u00a3\u009f\u0042\u0086\u0081\u0001\u0042\u0082\u0084webm", 64)))
                .contains(PlayableType.WEBM);
        assertThat(PlayableType.sniff(file("\u0000\u0000\u0000\u001cftypavif", 64))).isEmpty();
        assertThat(PlayableType.sniff(file("<?php echo 1;", 64))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void servesARecordingWithItsTypeAndTheRangeAPlayerAsksFor(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            byte[] mp3 = file("ID3\u0004\u0000", 5000);
            MediaItem item = server.site().media.upload(new MediaUpload("Breathing exercise.mp3", mp3, null));
            assertThat(item.path()).isEqualTo("2026/06/breathing-exercise.mp3");
            assertThat(item.contentType()).isEqualTo("audio/mpeg");
            assertThat(item.variants()).isEmpty();

            HttpResponse<byte[]> whole = get(server, item.url(), null);
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.headers().firstValue("Content-Type")).contains("audio/mpeg");
            assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
            assertThat(whole.body()).isEqualTo(mp3);

            HttpResponse<byte[]> middle = get(server, item.url(), "bytes=1000-1999");
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 1000-1999/5000");
            assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(mp3, 1000, 2000));

            HttpResponse<byte[]> rest = get(server, item.url(), "bytes=4000-");
            assertThat(rest.headers().firstValue("Content-Range")).contains("bytes 4000-4999/5000");
            assertThat(rest.body()).hasSize(1000);
            assertThat(get(server, item.url(), "bytes=-100").body()).isEqualTo(Arrays.copyOfRange(mp3, 4900, 5000));

            HttpResponse<byte[]> past = get(server, item.url(), "bytes=9000-");
            assertThat(past.statusCode()).isEqualTo(416);
            assertThat(past.headers().firstValue("Content-Range")).contains("bytes */5000");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsAVideoAsItCameWithTheVideoType(TestDatabase kind) throws Exception {
        try (TestServer server = TestServer.empty(kind, folder, TestClock.at("2026-06-01T10:00:00Z"))) {
            byte[] mp4 = file("\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000\u0000\u0000mp42isom", 3000);
            MediaItem item = server.site().media.upload(new MediaUpload("calf-stretch.mov", mp4, "A calf stretch"));
            assertThat(item.path()).endsWith("calf-stretch.mp4");
            HttpResponse<byte[]> served = get(server, item.url(), null);
            assertThat(served.headers().firstValue("Content-Type")).contains("video/mp4");
            assertThat(served.body()).isEqualTo(mp4);
            assertThat(server.site().media.upload(new MediaUpload("again.mp4", mp4, null)).id()).isEqualTo(item.id());
        }
    }

    @Test
    void refusesAFileOverTheSizeLimitWhateverItsType() {
        MediaLibrary small = new MediaLibrary(null, null, new MediaLimits(1000, MediaLimits.DEFAULT_MAX_PIXELS), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> small.store(new MediaUpload("long.mp3", file("ID3\u0004\u0000", 2000), null)))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("larger than");
    }

    private HttpResponse<byte[]> get(TestServer server, String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path));
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
