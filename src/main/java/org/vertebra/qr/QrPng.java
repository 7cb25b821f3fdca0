package org.vertebra.qr;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A QR code as a black-and-white PNG, for documents whose renderer draws no SVG (the handout PDF):
 * {@code scale} pixels a module, and the same quiet zone as {@link QrSvg}.
 */
public final class QrPng {

    private QrPng() {
    }

    public static byte[] of(String text, int scale) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = (qr.size + 2 * QrSvg.QUIET_ZONE) * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = qr.getModule(x / scale - QrSvg.QUIET_ZONE, y / scale - QrSvg.QUIET_ZONE);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG in memory cannot fail", e);
        }
        return png.toByteArray();
    }

    /** The PNG as a {@code data:} address, to sit in an {@code img} element without a request of its own. */
    public static String dataUri(String text, int scale) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(of(text, scale));
    }
}
