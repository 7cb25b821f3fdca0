package org.vertebra.qr;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn as inline SVG, one unit per module, with the four-module quiet zone the
 * standard asks for. The markup is made here from numbers only, never from what it encodes, so
 * it is safe to put in a page unescaped. Shared by two-step sign-in (account) and the handouts'
 * link back to their article.
 */
public final class QrSvg {

    public static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The SVG for this text; {@code label} is its accessible name (escaped here). */
    public static String of(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"" + size * 5 + "\" height=\"" + size * 5 + "\" role=\"img\" aria-label=\"" + escape(label)
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
