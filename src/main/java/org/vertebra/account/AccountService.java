package org.vertebra.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.access.AccountRole;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.Session;
import org.vertebra.access.SessionPolicy;
import org.vertebra.access.User;
import org.vertebra.data.Transactor;
import org.vertebra.mail.Outbox;
import org.vertebra.secret.SecretTokens;

/**
 * Accounts, sign-in and sessions. Knows nothing of HTTP: the web side hands it what was typed, the
 * session token from the cookie and the client's address.
 */
public final class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 1000;
    /** Last use is written at most this often, so that reading pages does not write to the database each time. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordResetRepository resets;
    private final SignInThrottle throttle;
    private final Transactor transactor;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final TwoFactorService twoFactor;
    private final Supplier<SessionPolicy> policy;
    /** Checked against when no account has the email, so that the answer takes as long as for a real one. */
    private volatile String decoyHash;

    /**
     * @param outbox    for the mail that tells owners of changes to their two-step sign-in
     * @param siteTitle the site's name, as those mails give it
     * @param sealer    seals two-step sign-in's keys and recovery codes under the site's key
     * @param policy    how long sessions last, as the site's settings say now
     */
    public AccountService(Jdbi jdbi, Transactor transactor, PasswordHasher hasher, Outbox outbox, Supplier<String> siteTitle,
                          org.vertebra.secret.Sealer sealer, Supplier<SessionPolicy> policy, Clock clock) {
        this.policy = policy;
        this.users = new UserRepository(jdbi);
        this.sessions = new SessionRepository(jdbi);
        this.resets = new PasswordResetRepository(jdbi);
        this.throttle = new SignInThrottle(jdbi, clock);
        this.transactor = transactor;
        this.hasher = hasher;
        this.clock = clock;
        this.twoFactor = new TwoFactorService(jdbi, users, throttle, transactor, hasher, this::openSession, outbox, siteTitle,
                sealer, clock);
    }

    /** Two-step sign-in of the same accounts, sharing the sign-in throttle. */
    public TwoFactorService twoFactor() {
        return twoFactor;
    }

    /** Creates an account; refuses a malformed or used email, an empty name or a short password. */
    public User addUser(String email, String name, AccountRole role, String password) {
        String normalized = normalizeEmail(email);
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > 200) {
            throw new AccountProblem("name", "Enter a name of at most 200 characters.");
        }
        checkPassword("password", password);
        String hash = hasher.hash(password);
        return transactor.inTransaction(() -> {
            if (users.emailExists(normalized)) {
                throw AccountProblem.conflict("email", "An account with this email already exists.");
            }
            return users.insert(normalized, trimmedName, role, hash, clock.instant());
        });
    }

    /**
     * The account with this email, or a new one without a password (for imported writers): no
     * password verifies against it, so its owner signs in only after setting one through a
     * password reset link.
     */
    public User ensureWithoutPassword(String email, String name, AccountRole role) {
        String normalized = normalizeEmail(email);
        String trimmedName = name == null || name.isBlank() ? normalized : name.strip();
        return transactor.inTransaction(() -> users.credentialsByEmail(normalized).map(UserRepository.Credentials::user)
                .orElseGet(() -> users.insert(normalized, trimmedName.length() > 200 ? trimmedName.substring(0, 200) : trimmedName,
                        role, NO_PASSWORD, clock.instant())));
    }

    /** Stored instead of a hash for an account that has no password yet; it never matches one. */
    static final String NO_PASSWORD = "!no-password";

    public List<User> users() {
        return users.all();
    }

    public Optional<User> user(long id) {
        return users.byId(id);
    }

    /** The author profile this account writes under (users.author_id), if one is linked. */
    public Optional<Long> linkedAuthorId(long userId) {
        return users.authorId(userId);
    }

    /** Links an account to the author profile it writes under, or unlinks it (null). */
    public void linkAuthor(long userId, Long authorId) {
        users.updateAuthorId(userId, authorId);
    }

    /** Checks the password unless the account or address is locked, and opens a session when it matches. */
    public SignIn signIn(String email, String password, String address) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String accountKey = SignInThrottle.accountKey(normalized);
        List<String> keys = List.of(accountKey, SignInThrottle.addressKey(address));
        Optional<Instant> locked = throttle.lockedUntil(keys);
        if (locked.isPresent()) {
            return new SignIn.Locked(locked.get());
        }
        Optional<UserRepository.Credentials> account = users.credentialsByEmail(normalized);
        String given = password == null ? "" : password;
        boolean matches = given.length() <= MAX_PASSWORD_LENGTH
                && hasher.verify(given, account.map(UserRepository.Credentials::passwordHash).orElseGet(this::decoyHash));
        if (account.isEmpty() || !matches || account.get().user().disabled()) {
            throttle.recordFailure(keys);
            return new SignIn.Refused();
        }
        User user = account.get().user();
        if (hasher.needsRehash(account.get().passwordHash())) {
            users.updatePassword(user.id(), hasher.hash(given), clock.instant());
        }
        if (twoFactor.isOn(user.id())) {
            // The account's failure count is cleared only after the code: else knowing the password
            // would buy unlimited guesses at it.
            return new SignIn.SecondStep(twoFactor.beginSecondStep(user));
        }
        throttle.clear(accountKey);
        return new SignIn.SignedIn(openSession(user));
    }

    /** The live session for this cookie token, noting its use; empty when unknown, expired or its account disabled. */
    public Optional<Session> session(String token) {
        return lookUp(token).session();
    }

    /** Why a session found ended: unused too long, or past its lifetime. */
    public enum Ended { IDLE, LIFETIME }

    /** A session looked up: live, or not, with why when it has just ended (null: unknown, signed out, disabled). */
    public record Lookup(Optional<Session> session, Ended ended) {
        static final Lookup NONE = new Lookup(Optional.empty(), null);
    }

    /** As {@link #session}, saying why a session that was there has ended, so the sign-in page can say so. */
    public Lookup lookUp(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Lookup.NONE;
        }
        String hash = SecretTokens.hash(token);
        Optional<SessionRepository.StoredSession> found = sessions.find(hash);
        if (found.isEmpty()) {
            return Lookup.NONE;
        }
        SessionRepository.StoredSession stored = found.get();
        User user = stored.account().user();
        SessionPolicy current = policy.get();
        Instant now = clock.instant();
        // The lifetime setting counts from sign-in, so shortening it also ends sessions already open.
        Instant endsAt = earlier(stored.expiresAt(), stored.createdAt().plus(current.lifetime()));
        Ended ended = !now.isBefore(endsAt) ? Ended.LIFETIME
                : !now.isBefore(stored.lastSeenAt().plus(current.idleFor(user))) ? Ended.IDLE : null;
        if (ended != null || user.disabled()) {
            sessions.delete(hash);
            return new Lookup(Optional.empty(), user.disabled() ? null : ended);
        }
        Instant lastSeen = stored.lastSeenAt();
        if (!now.isBefore(lastSeen.plus(TOUCH_INTERVAL))) {
            sessions.touch(hash, now);
            lastSeen = now;
        }
        return new Lookup(Optional.of(new Session(user, token, lastSeen.plus(current.idleFor(user)), endsAt)), null);
    }

    /** How long sessions last now. */
    public SessionPolicy sessionPolicy() {
        return policy.get();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public void signOut(String token) {
        if (token != null) {
            sessions.delete(SecretTokens.hash(token));
        }
    }

    /** Ends every session of this account, on every device; returns how many there were. */
    public int signOutEverywhere(long userId) {
        return sessions.deleteForUser(userId, null);
    }

    /** Changes one's own password after checking the current one; ends every other session of the account. */
    public void changePassword(Session session, String currentPassword, String newPassword) {
        UserRepository.Credentials account = users.credentialsById(session.user().id()).orElseThrow();
        if (currentPassword == null || currentPassword.length() > MAX_PASSWORD_LENGTH
                || !hasher.verify(currentPassword, account.passwordHash())) {
            throw new AccountProblem("current", "That is not your current password.");
        }
        checkPassword("password", newPassword);
        String hash = hasher.hash(newPassword);
        transactor.run(() -> {
            users.updatePassword(session.user().id(), hash, clock.instant());
            sessions.deleteForUser(session.user().id(), SecretTokens.hash(session.token()));
        });
    }

    public void changeRole(User actor, long userId, AccountRole role) {
        User target = manageable(actor, userId);
        users.updateRole(target.id(), role);
    }

    /** Disables an account, ending its sessions, or enables it again. */
    public void setDisabled(User actor, long userId, boolean disabled) {
        User target = manageable(actor, userId);
        transactor.run(() -> {
            users.updateDisabled(target.id(), disabled);
            if (disabled) {
                sessions.deleteForUser(target.id(), null);
            }
        });
    }

    /**
     * Creates a single-use link token for the account with this email, for the mail feature to send
     * as {@code /admin/password/reset/?token=...}; empty when no active account has it (the page that
     * asks must answer the same either way).
     */
    public Optional<PasswordReset> issuePasswordReset(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return users.credentialsByEmail(normalized).map(UserRepository.Credentials::user).filter(u -> !u.disabled())
                .map(user -> {
                    String token = SecretTokens.newToken();
                    Instant now = clock.instant();
                    Instant expires = now.plus(RESET_LINK_LIFETIME);
                    resets.insert(SecretTokens.hash(token), user.id(), now, expires);
                    return new PasswordReset(user, token, expires);
                });
    }

    /**
     * Someone asked for a reset link for this email from this address. Unless either is asking too
     * often (the sign-in throttle, under keys of its own), issues the link and hands it to
     * {@code send} in the same transaction, so the mail that carries it (an outbox row) is stored
     * with it or not at all. Returns when the asker may try again if throttled, else empty, whether
     * or not an account has the email.
     */
    public Optional<Instant> requestPasswordReset(String email, String address, Consumer<PasswordReset> send) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        List<String> keys = List.of("reset-" + SignInThrottle.accountKey(normalized), "reset-" + SignInThrottle.addressKey(address));
        Optional<Instant> locked = throttle.lockedUntil(keys);
        if (locked.isPresent()) {
            return locked;
        }
        throttle.recordFailure(keys); // every request counts: a reset link is worth as much as a guess
        transactor.run(() -> issuePasswordReset(normalized).ifPresent(send));
        return Optional.empty();
    }

    /** True when this reset link can still be used (known, unused, unexpired); the page says so before the form. */
    public boolean passwordResetUsable(String token) {
        return token != null && token.length() <= 100 && resets.usable(SecretTokens.hash(token), clock.instant());
    }

    /** Sets a new password through a reset link, once; ends every session of the account. */
    public User resetPassword(String token, String newPassword) {
        checkPassword("password", newPassword);
        String hash = hasher.hash(newPassword);
        return transactor.inTransaction(() -> {
            long userId = resets.redeem(SecretTokens.hash(token == null ? "" : token), clock.instant())
                    .orElseThrow(() -> new AccountProblem(null, "This link has expired or was already used. Ask for a new one."));
            users.updatePassword(userId, hash, clock.instant());
            sessions.deleteForUser(userId, null);
            return users.byId(userId).orElseThrow();
        });
    }

    /**
     * Removes ended sessions and forgotten sign-in failures, which are refused or ignored anyway;
     * returns how many sessions went. The server calls it at start; a scheduler should call it daily.
     */
    public int cleanUp() {
        Instant now = clock.instant();
        throttle.forgetOld();
        twoFactor.cleanUp();
        return sessions.deleteExpired(now, now.minus(SessionPolicy.IDLE_TIMEOUT));
    }

    int sessionCount(long userId) {
        return sessions.countForUser(userId);
    }

    private Session openSession(User user) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        SessionPolicy current = policy.get();
        sessions.insert(SecretTokens.hash(token), user.id(), now, now.plus(current.lifetime()));
        return new Session(user, token, now.plus(current.idleFor(user)), now.plus(current.lifetime()));
    }

    /** The account an admin may change: another one (nobody can lock themselves out), that exists. */
    private User manageable(User actor, long userId) {
        if (!Permission.may(actor, Action.MANAGE_USERS)) {
            throw new NotPermitted();
        }
        if (actor.id() == userId) {
            throw new AccountProblem(null, "You cannot change your own role or disable yourself; ask another administrator.");
        }
        return users.byId(userId).orElseThrow(() -> new AccountProblem(null, "There is no such account."));
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountProblem(field, "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new AccountProblem(field, "Choose a password of at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
    }

    static String normalizeEmail(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !normalized.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new AccountProblem("email", "Enter an email address such as name@example.org.");
        }
        return normalized;
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash(SecretTokens.newToken());
            decoyHash = hash;
        }
        return hash;
    }

    /** Thrown when an account may not do what it asked; the web side answers 403. */
    public static final class NotPermitted extends RuntimeException {
        public NotPermitted() {
            super("not permitted");
        }
    }
}
