package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.access.AccountRole;
import org.vertebra.access.Session;
import org.vertebra.access.SessionPolicy;
import org.vertebra.access.User;
import org.vertebra.secret.SecretTokens;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** Accounts, sessions, throttling and reset links on a real database of each kind, with a clock the test moves. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AccountServiceTest {

    static final String PASSWORD = "a long enough password";

    @Parameter
    TestDatabase database;

    @TempDir
    Path temp;

    /** Sessions of 14 days: these tests are about idle and absolute ends as such (SessionTimeoutTest: the site's defaults). */
    static final SessionPolicy LONG_SESSIONS = new SessionPolicy(java.time.Duration.ofMinutes(15), java.time.Duration.ofDays(14));

    private final TestClock clock = TestClock.at("2025-03-01T09:00:00Z");
    private TestSite site;
    private AccountService accounts;

    @BeforeEach
    void open() {
        site = TestSite.open(database, temp, clock);
        // Cheap Argon2 parameters: these tests are about accounts, not the hash (PasswordHasherTest).
        accounts = new AccountService(site.site().database.jdbi(), site.site().transactor,
                new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1)), site.site().outbox, () -> "Test site",
                new org.vertebra.consult.HealthDataCipher(new byte[32]), () -> LONG_SESSIONS, clock);
    }

    @AfterEach
    void close() {
        site.close();
    }

    @Test
    void addsAccountsWithNormalizedEmailAndRefusesADuplicateInAnyCase() {
        User user = accounts.addUser("  Asha.Raman@Example.ORG ", " Asha Raman ", AccountRole.EDITOR, PASSWORD);

        assertThat(user.email()).isEqualTo("asha.raman@example.org");
        assertThat(user.name()).isEqualTo("Asha Raman");
        assertThat(accounts.user(user.id())).contains(user);
        assertThatThrownBy(() -> accounts.addUser("ASHA.RAMAN@example.org", "Other", AccountRole.AUTHOR, PASSWORD))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> accounts.addUser("not-an-email", "X", AccountRole.AUTHOR, PASSWORD))
                .isInstanceOf(AccountProblem.class).extracting(e -> ((AccountProblem) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> accounts.addUser("x@example.org", "X", AccountRole.AUTHOR, "short"))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("at least 12");
        assertThat(accounts.users()).extracting(User::email).containsExactly("asha.raman@example.org");
    }

    @Test
    void signInOpensASessionThatTheCookieTokenFinds() {
        User user = accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);

        Session session = signIn("A@example.org", PASSWORD);

        assertThat(session.user()).isEqualTo(user);
        assertThat(session.token()).hasSize(43);
        assertThat(accounts.session(session.token())).contains(session);
        assertThat(accounts.session(session.token() + "x")).isEmpty();
        assertThat(accounts.session(null)).isEmpty();
        String stored = site.site().database.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM sessions")
                .mapTo(String.class).one());
        assertThat(stored).as("only a hash of the token is stored").isEqualTo(SecretTokens.hash(session.token()))
                .isNotEqualTo(session.token());
    }

    @Test
    void wrongPasswordUnknownEmailAndDisabledAccountAreAllRefusedAlike() {
        User admin = accounts.addUser("admin@example.org", "Admin", AccountRole.ADMIN, PASSWORD);
        User user = accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        accounts.setDisabled(admin, user.id(), true);

        assertThat(accounts.signIn("admin@example.org", "wrong password!", "10.0.0.1")).isInstanceOf(SignIn.Refused.class);
        assertThat(accounts.signIn("nobody@example.org", PASSWORD, "10.0.0.2")).isInstanceOf(SignIn.Refused.class);
        assertThat(accounts.signIn("a@example.org", PASSWORD, "10.0.0.3")).isInstanceOf(SignIn.Refused.class);
    }

    @Test
    void sessionEndsAfterTwelveIdleHours() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        Session session = signIn("a@example.org", PASSWORD);

        clock.advance(Duration.ofHours(11));
        assertThat(accounts.session(session.token())).as("used after 11 hours").isPresent();
        clock.advance(Duration.ofHours(11));
        assertThat(accounts.session(session.token())).as("11 hours after last use").isPresent();
        clock.advance(SessionPolicy.IDLE_TIMEOUT);
        assertThat(accounts.session(session.token())).as("12 hours unused").isEmpty();
        clock.advance(Duration.ofMinutes(-1));
        assertThat(accounts.session(session.token())).as("an ended session stays ended").isEmpty();
    }

    @Test
    void sessionEndsFourteenDaysAfterSignInHoweverBusy() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        Session session = signIn("a@example.org", PASSWORD);

        for (int hours = 10; hours < 14 * 24; hours += 10) {
            clock.advance(Duration.ofHours(10));
            assertThat(accounts.session(session.token())).as("%d hours after sign-in", hours).isPresent();
        }
        clock.advance(Duration.ofHours(10));
        assertThat(accounts.session(session.token())).as("past 14 days").isEmpty();
    }

    @Test
    void signOutEverywhereEndsEverySessionOfThatAccountOnly() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        accounts.addUser("b@example.org", "B", AccountRole.AUTHOR, PASSWORD);
        Session laptop = signIn("a@example.org", PASSWORD);
        Session phone = signIn("a@example.org", PASSWORD);
        Session other = signIn("b@example.org", PASSWORD);

        assertThat(accounts.signOutEverywhere(laptop.user().id())).isEqualTo(2);

        assertThat(accounts.session(laptop.token())).isEmpty();
        assertThat(accounts.session(phone.token())).isEmpty();
        assertThat(accounts.session(other.token())).isPresent();
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        Session here = signIn("a@example.org", PASSWORD);
        Session elsewhere = signIn("a@example.org", PASSWORD);

        assertThatThrownBy(() -> accounts.changePassword(here, "not my password", "a brand new password"))
                .isInstanceOf(AccountProblem.class).extracting(e -> ((AccountProblem) e).field()).isEqualTo("current");
        accounts.changePassword(here, PASSWORD, "a brand new password");

        assertThat(accounts.session(here.token())).isPresent();
        assertThat(accounts.session(elsewhere.token())).isEmpty();
        assertThat(accounts.signIn("a@example.org", PASSWORD, "10.0.0.9")).isInstanceOf(SignIn.Refused.class);
        assertThat(accounts.signIn("a@example.org", "a brand new password", "10.0.0.9")).isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndAdminsCannotChangeThemselves() {
        User admin = accounts.addUser("admin@example.org", "Admin", AccountRole.ADMIN, PASSWORD);
        User author = accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        Session session = signIn("a@example.org", PASSWORD);

        accounts.setDisabled(admin, author.id(), true);

        assertThat(accounts.session(session.token())).isEmpty();
        assertThat(accounts.user(author.id()).orElseThrow().disabled()).isTrue();
        accounts.setDisabled(admin, author.id(), false);
        accounts.changeRole(admin, author.id(), AccountRole.REVIEWER);
        assertThat(accounts.user(author.id()).orElseThrow().role()).isEqualTo(AccountRole.REVIEWER);
        assertThatThrownBy(() -> accounts.setDisabled(admin, admin.id(), true)).isInstanceOf(AccountProblem.class);
        assertThatThrownBy(() -> accounts.changeRole(admin, admin.id(), AccountRole.AUTHOR)).isInstanceOf(AccountProblem.class);
        User reviewer = accounts.user(author.id()).orElseThrow();
        assertThatThrownBy(() -> accounts.changeRole(reviewer, admin.id(), AccountRole.AUTHOR))
                .isInstanceOf(AccountService.NotPermitted.class);
        assertThat(accounts.user(admin.id()).orElseThrow().role()).isEqualTo(AccountRole.ADMIN);
    }

    @Test
    void fiveFailuresForAnAccountLockItWithAGrowingDelay() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        for (int i = 1; i <= 5; i++) {
            assertThat(accounts.signIn("a@example.org", "wrong", "10.0.0." + i)).as("failure %d", i).isInstanceOf(SignIn.Refused.class);
        }
        assertLockedFor(accounts.signIn("a@example.org", PASSWORD, "10.0.1.1"), Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.signIn("a@example.org", "wrong", "10.0.1.2")).isInstanceOf(SignIn.Refused.class);
        assertLockedFor(accounts.signIn("a@example.org", PASSWORD, "10.0.1.3"), Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(accounts.signIn("a@example.org", "wrong", "10.0.1.4")).isInstanceOf(SignIn.Refused.class);
        assertLockedFor(accounts.signIn("a@example.org", PASSWORD, "10.0.1.5"), Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(4));

        assertThat(accounts.signIn("a@example.org", PASSWORD, "10.0.1.6")).as("right password once unlocked")
                .isInstanceOf(SignIn.SignedIn.class);
        for (int i = 1; i <= 5; i++) {
            assertThat(accounts.signIn("a@example.org", "wrong", "10.0.2." + i)).as("success cleared the count")
                    .isInstanceOf(SignIn.Refused.class);
        }
    }

    @Test
    void fiveFailuresFromAnAddressLockItAcrossAccounts() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        for (int i = 1; i <= 5; i++) {
            accounts.signIn("guess" + i + "@example.org", "wrong", "203.0.113.7");
        }

        assertThat(accounts.signIn("a@example.org", PASSWORD, "203.0.113.7")).isInstanceOf(SignIn.Locked.class);
        assertThat(accounts.signIn("a@example.org", PASSWORD, "198.51.100.1")).as("another address")
                .isInstanceOf(SignIn.SignedIn.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.signIn("a@example.org", PASSWORD, "203.0.113.7")).isInstanceOf(SignIn.SignedIn.class);
        assertThat(accounts.signIn("guess6@example.org", "wrong", "203.0.113.7")).isInstanceOf(SignIn.Refused.class);
        assertThat(accounts.signIn("a@example.org", PASSWORD, "203.0.113.7")).as("signing in did not clear the address")
                .isInstanceOf(SignIn.Locked.class);
    }

    @Test
    void lockGrowsToFifteenMinutesAndFailuresAreForgottenAfterADay() {
        assertThat(SignInThrottle.lockFor(5)).hasSeconds(1);
        assertThat(SignInThrottle.lockFor(9)).hasSeconds(16);
        assertThat(SignInThrottle.lockFor(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.lockFor(1_000)).isEqualTo(Duration.ofMinutes(15));

        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        for (int i = 0; i < 5; i++) {
            accounts.signIn("a@example.org", "wrong", "10.0.0.1");
        }
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(accounts.signIn("a@example.org", "wrong", "10.0.0.1")).isInstanceOf(SignIn.Refused.class);
        assertThat(accounts.signIn("a@example.org", PASSWORD, "10.0.0.1")).as("one failure after a quiet day")
                .isInstanceOf(SignIn.SignedIn.class);
    }

    @Test
    void aResetLinkSetsANewPasswordOnceBeforeItExpiresAndEndsEverySession() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        Session session = signIn("a@example.org", PASSWORD);
        assertThat(accounts.issuePasswordReset("nobody@example.org")).isEmpty();
        PasswordReset reset = accounts.issuePasswordReset("A@example.org").orElseThrow();

        accounts.resetPassword(reset.token(), "the reset password");

        assertThat(accounts.session(session.token())).isEmpty();
        assertThat(accounts.signIn("a@example.org", "the reset password", "10.0.0.1")).isInstanceOf(SignIn.SignedIn.class);
        assertThatThrownBy(() -> accounts.resetPassword(reset.token(), "another new password"))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("already used");
        PasswordReset late = accounts.issuePasswordReset("a@example.org").orElseThrow();
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> accounts.resetPassword(late.token(), "another new password"))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("expired");
    }

    @Test
    void endedSessionsAndOldFailuresAreCleanedUp() {
        accounts.addUser("a@example.org", "A", AccountRole.AUTHOR, PASSWORD);
        Session old = signIn("a@example.org", PASSWORD);
        clock.advance(Duration.ofHours(13));
        Session fresh = signIn("a@example.org", PASSWORD);

        accounts.signIn("nobody@example.org", "wrong", "10.0.0.1");
        clock.advance(Duration.ofHours(1));

        assertThat(accounts.cleanUp()).isEqualTo(1);
        assertThat(accounts.sessionCount(fresh.user().id())).isEqualTo(1);
        assertThat(accounts.session(old.token())).isEmpty();
        assertThat(accounts.session(fresh.token())).isPresent();
        clock.advance(Duration.ofDays(1));
        accounts.cleanUp();
        int failures = site.site().database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sign_in_failures")
                .mapTo(Integer.class).one());
        assertThat(failures).isZero();
    }

    private Session signIn(String email, String password) {
        SignIn result = accounts.signIn(email, password, "192.0.2.1");
        assertThat(result).isInstanceOf(SignIn.SignedIn.class);
        return ((SignIn.SignedIn) result).session();
    }

    private void assertLockedFor(SignIn result, Duration expected) {
        assertThat(result).isInstanceOf(SignIn.Locked.class);
        assertThat(Duration.between(clock.instant(), ((SignIn.Locked) result).until())).isEqualTo(expected);
    }
}
