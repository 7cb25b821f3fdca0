package org.vertebra.account;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Entities;
import org.vertebra.access.User;
import org.vertebra.mail.OutgoingMail;

/**
 * The mail an account's owner gets when its two-step sign-in changes, so that someone who has the
 * password and a signed-in browser cannot quietly turn it off or take the recovery codes.
 */
final class TwoFactorMail {

    static final String KIND = "two-factor-change";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What changed, in the words of the mail. */
    enum Change {
        ON("Two-step sign-in was turned on"),
        OFF("Two-step sign-in was turned off"),
        OFF_BY_ADMINISTRATOR("Two-step sign-in was turned off by an administrator"),
        NEW_RECOVERY_CODES("New recovery codes were made");

        private final String words;

        Change(String words) {
            this.words = words;
        }
    }

    private TwoFactorMail() {
    }

    static OutgoingMail of(User owner, Change change, String siteTitle, Instant at) {
        String what = change.words + " for your account at " + siteTitle + " on " + WHEN.format(at) + ".";
        String advice = "If that was you, there is nothing to do. If it was not, change your password at once and tell "
                + "the site's administrator: someone may know your password.";
        String text = "Hello " + owner.name() + ",\n\n" + what + "\n\n" + advice + "\n";
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Two-step sign-in</title></head><body>
                <p>Hello %s,</p>
                <p>%s</p>
                <p>%s</p>
                </body></html>
                """.formatted(Entities.escape(owner.name()), Entities.escape(what), Entities.escape(advice));
        return new OutgoingMail(KIND, owner.email(), change.words + " (" + siteTitle + ")", text, html, Map.of());
    }
}
