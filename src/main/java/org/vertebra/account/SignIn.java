package org.vertebra.account;

import java.time.Instant;
import org.vertebra.access.Session;

/** What came of an attempt to sign in. */
public sealed interface SignIn {

    /** Signed in: the new session, whose token goes in the cookie. */
    record SignedIn(Session session) implements SignIn {
    }

    /** Wrong email or password (or a disabled account: the answer does not say which). */
    record Refused() implements SignIn {
    }

    /**
     * The password is right, and the account has two-step sign-in on: the browser holds this token
     * while it is asked for a code; nobody is signed in yet.
     */
    record SecondStep(String pendingToken) implements SignIn {
        @Override
        public String toString() {
            return "SecondStep[]";
        }
    }

    /** The second step was not started, or took longer than {@link TwoFactorService#PENDING_LIFETIME}. */
    record StepExpired() implements SignIn {
    }

    /** Too many failures for this account or address; try again at this time. */
    record Locked(Instant until) implements SignIn {
    }
}
