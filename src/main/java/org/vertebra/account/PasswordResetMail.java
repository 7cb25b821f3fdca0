package org.vertebra.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.nodes.Entities;
import org.vertebra.mail.OutgoingMail;

/** The mail that carries a password reset link. */
final class PasswordResetMail {

    static final String KIND = "password-reset";

    private PasswordResetMail() {
    }

    static OutgoingMail of(PasswordReset reset, String baseUrl, String siteTitle, Instant now) {
        String link = stripSlash(baseUrl) + "/admin/password/reset/?token=" + URLEncoder.encode(reset.token(), StandardCharsets.UTF_8);
        long minutes = Math.max(1, Duration.between(now, reset.expiresAt()).toMinutes());
        String within = minutes % 60 == 0 ? (minutes == 60 ? "an hour" : minutes / 60 + " hours") : minutes + " minutes";
        String text = """
                Hello %s,

                Someone, probably you, asked to reset the password of your account at %s. To choose a new password, open this link within %s:

                %s

                The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
                """.formatted(reset.user().name(), siteTitle, within, link);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Reset your password</title></head><body>
                <p>Hello %s,</p>
                <p>Someone, probably you, asked to reset the password of your account at %s. To choose a new password, open this link within %s:</p>
                <p><a href="%s">Choose a new password</a></p>
                <p>The link works once. If you did not ask for it, ignore this mail: your password stays as it is.</p>
                </body></html>
                """.formatted(Entities.escape(reset.user().name()), Entities.escape(siteTitle), within, Entities.escape(link));
        return new OutgoingMail(KIND, reset.user().email(), "Reset your password for " + siteTitle, text, html, java.util.Map.of());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
