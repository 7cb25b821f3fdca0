package org.vertebra.account;

import java.time.Clock;

/** What a person's phone app does in tests: shows the code of a secret for the current step. */
public final class AuthenticatorApp {

    private final String secret;
    private final Clock clock;

    /** @param secret the key as the enrolment page shows it, spaces allowed */
    public AuthenticatorApp(String secret, Clock clock) {
        this.secret = secret.replace(" ", "");
        this.clock = clock;
    }

    public String code() {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    /** A six-digit code that is not the current one. */
    public String wrongCode() {
        return code().equals("000000") ? "111111" : "000000";
    }
}
