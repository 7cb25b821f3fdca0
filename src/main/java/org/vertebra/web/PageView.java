package org.vertebra.web;

import java.util.function.UnaryOperator;

/**
 * A page served, as the statistics see it: taken from the request in a few field reads, so that
 * serving stays fast; everything else (is it a robot? an admin page?) is decided off the request's path.
 *
 * @param cookies the request's Cookie header (may be null), read only for the consent cookie
 */
public record PageView(String path, String host, String referrer, String userAgent, String address, String cookies,
                       String globalPrivacyControl, String doNotTrack) {

    /** @param header a request header by name, or null */
    public static PageView of(String path, UnaryOperator<String> header, String address) {
        return new PageView(path, header.apply("Host"), header.apply("Referer"), header.apply("User-Agent"), address, header.apply("Cookie"),
                header.apply("Sec-GPC"), header.apply("DNT"));
    }

    /** Whether the browser asks not to be tracked (Global Privacy Control or Do Not Track). */
    public boolean privacySignal() {
        return "1".equals(globalPrivacyControl) || "1".equals(doNotTrack);
    }
}
