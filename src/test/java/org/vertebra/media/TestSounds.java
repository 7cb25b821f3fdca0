package org.vertebra.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Small valid sound files for tests, written here rather than kept as binaries. */
public final class TestSounds {

    private TestSounds() {
    }

    /** A WAV file that players open: 8 kHz, 8-bit mono PCM, {@code samples} samples of a quiet 440 Hz tone. */
    public static byte[] wav(int samples) {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt(36 + samples).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1) // PCM, mono
                .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8); // rate, bytes/s, block, bits
        header.put(ascii("data")).putInt(samples);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(header.array());
        for (int i = 0; i < samples; i++) {
            file.write(128 + (int) Math.round(20 * Math.sin(i * 2 * Math.PI * 440 / 8000)));
        }
        return file.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
