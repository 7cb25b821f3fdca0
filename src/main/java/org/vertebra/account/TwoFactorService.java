package org.vertebra.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.access.AccountRole;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.Session;
import org.vertebra.access.User;
import org.vertebra.data.Transactor;
import org.vertebra.mail.Outbox;
import org.vertebra.qr.QrSvg;
import org.vertebra.secret.Sealer;
import org.vertebra.secret.SecretTokens;

/**
 * Two-step sign-in: enrolment of one's authenticator app, recovery codes, and the second step of
 * signing in (a code from the app or a recovery code) after a correct password. Knows nothing of
 * HTTP. Codes and secrets never reach a log: they are only compared and stored.
 */
public final class TwoFactorService {

    /** How long one has to give the code after the password. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);

    /** Where an account stands: two-step sign-in on or not, an unfinished enrolment, codes left. */
    public record Status(boolean on, boolean enrolling, int recoveryCodesLeft) {
    }

    /** What an unfinished enrolment shows: the secret for typing, and the address its QR code carries. */
    public record Enrolment(String secret, String uri) {
        public String groupedSecret() {
            return Totp.grouped(secret);
        }

        /** The QR code as SVG markup made from numbers only (see {@link QrSvg}), for the page to embed. */
        public String qrSvg() {
            return QrSvg.of(uri, "QR code for your authenticator app; the same key is written out beside it");
        }
    }

    private enum Check { ACCEPTED, WRONG, REPLAYED }

    private final TwoFactorRepository repository;
    private final TwoFactorSeal seal;
    private final UserRepository users;
    private final SignInThrottle throttle;
    private final Transactor transactor;
    private final PasswordHasher hasher;
    private final Function<User, Session> openSession;
    private final Outbox outbox;
    private final Supplier<String> siteTitle;
    private final Clock clock;

    TwoFactorService(Jdbi jdbi, UserRepository users, SignInThrottle throttle, Transactor transactor, PasswordHasher hasher,
                     Function<User, Session> openSession, Outbox outbox, Supplier<String> siteTitle, Sealer sealer, Clock clock) {
        this.repository = new TwoFactorRepository(jdbi);
        this.seal = new TwoFactorSeal(sealer);
        this.users = users;
        this.throttle = throttle;
        this.transactor = transactor;
        this.hasher = hasher;
        this.openSession = openSession;
        this.outbox = outbox;
        this.siteTitle = siteTitle;
        this.clock = clock;
    }

    public Status status(User user) {
        Optional<TwoFactorRepository.Secret> secret = repository.secret(user.id());
        boolean on = secret.map(TwoFactorRepository.Secret::on).orElse(false);
        return new Status(on, secret.isPresent() && !on, on ? repository.unusedRecoveryCodes(user.id()) : 0);
    }

    boolean isOn(long userId) {
        return repository.isOn(userId);
    }

    /** Starts enrolment with a new secret, replacing an unfinished one; refused when two-step sign-in is on. */
    public Enrolment start(User user, String issuer) {
        String secret = Totp.newSecret();
        transactor.run(() -> {
            if (repository.isOn(user.id())) {
                throw AccountProblem.conflict(null, "Two-step sign-in is already on for your account.");
            }
            repository.start(user.id(), seal.sealKey(user.id(), secret), clock.instant());
        });
        return new Enrolment(secret, Totp.uri(issuer, user.email(), secret));
    }

    /** The unfinished enrolment of this account, if there is one. */
    public Optional<Enrolment> enrolment(User user, String issuer) {
        return repository.secret(user.id()).filter(s -> !s.on())
                .map(s -> seal.openKey(user.id(), s.secret()))
                .map(key -> new Enrolment(key, Totp.uri(issuer, user.email(), key)));
    }

    /**
     * Finishes enrolment when the password is the account's and the code matches the new secret,
     * and returns the recovery codes, to be shown once; refuses otherwise and changes nothing. The
     * password stops someone who has only a signed-in browser from tying the account to their phone.
     */
    public List<String> confirm(User user, String password, String code) {
        checkPassword(user, password, "password");
        List<String> codes = RecoveryCodes.generate();
        return transactor.inTransaction(() -> {
            TwoFactorRepository.Secret secret = repository.secret(user.id()).filter(s -> !s.on()).orElseThrow(() ->
                    new AccountProblem(null, "There is no set-up to confirm. Start setting up two-step sign-in again."));
            OptionalLong step = Totp.matchingStep(seal.openKey(user.id(), secret.secret()), code, clock.instant());
            if (step.isEmpty()) {
                throw new AccountProblem("code", "That code is not right. Enter the 6-digit code your app shows now for this site.");
            }
            repository.useStep(user.id(), step.getAsLong()); // the confirming code cannot then sign anyone in
            repository.confirm(user.id(), clock.instant());
            repository.replaceRecoveryCodes(user.id(), sealedHashes(user, codes));
            tell(user, TwoFactorMail.Change.ON);
            return codes;
        });
    }

    private List<String> sealedHashes(User user, List<String> codes) {
        return codes.stream().map(c -> seal.sealCodeHash(user.id(), RecoveryCodes.hash(c))).toList();
    }

    /** Mails the owner about a change, in the transaction that makes it, so neither happens alone. */
    private void tell(User owner, TwoFactorMail.Change change) {
        outbox.enqueue(TwoFactorMail.of(owner, change, siteTitle.get(), clock.instant()));
    }

    /** Turns two-step sign-in off after checking the password and a current code (or a recovery code). */
    public void turnOff(User user, String password, String code) {
        checkPassword(user, password, "off-password");
        withCode(user, code, "off-code", () -> {
            repository.delete(user.id());
            tell(user, TwoFactorMail.Change.OFF);
            return null;
        });
    }

    private void checkPassword(User user, String password, String field) {
        UserRepository.Credentials account = users.credentialsById(user.id()).orElseThrow();
        if (password == null || password.length() > AccountService.MAX_PASSWORD_LENGTH
                || !hasher.verify(password, account.passwordHash())) {
            throw new AccountProblem(field, "That is not your password.");
        }
    }

    /** New recovery codes in place of the old ones, after a current code; returns them to be shown once. */
    public List<String> regenerateRecoveryCodes(User user, String code) {
        List<String> codes = RecoveryCodes.generate();
        return withCode(user, code, "recovery-code", () -> {
            repository.replaceRecoveryCodes(user.id(), sealedHashes(user, codes));
            tell(user, TwoFactorMail.Change.NEW_RECOVERY_CODES);
            return codes;
        });
    }

    /** The accounts with two-step sign-in on, for the users page. */
    public java.util.Set<Long> accountsWithItOn() {
        return repository.usersWithItOn();
    }

    /**
     * An administrator turns another account's two-step sign-in off, for someone who lost both the
     * phone and the recovery codes; the owner then signs in with the password and sets it up again.
     */
    public void turnOffFor(User actor, long userId) {
        if (!Permission.may(actor, Action.MANAGE_USERS)) {
            throw new AccountService.NotPermitted();
        }
        if (actor.id() == userId) {
            throw new AccountProblem(null, "Turn your own two-step sign-in off under Your account, with your password and a code.");
        }
        User target = users.byId(userId).orElseThrow(() -> new AccountProblem(null, "There is no such account."));
        transactor.run(() -> {
            repository.delete(target.id());
            tell(target, TwoFactorMail.Change.OFF_BY_ADMINISTRATOR);
        });
    }

    /** How many active accounts whose role can open consultations have not turned two-step sign-in on. */
    public int consultingAccountsWithout() {
        return repository.countWithout(Arrays.stream(AccountRole.values()).filter(Action.CONSULT::allows)
                .map(AccountRole::key).toList());
    }

    /** After a correct password: a token for the browser to hold while it is asked for the code. */
    String beginSecondStep(User user) {
        String token = SecretTokens.newToken();
        repository.insertPending(SecretTokens.hash(token), user.id(), clock.instant().plus(PENDING_LIFETIME));
        return token;
    }

    /** True while this token's second step can still be completed. */
    public boolean pending(String token) {
        return token != null && token.length() <= 100 && repository.pendingUser(SecretTokens.hash(token), clock.instant()).isPresent();
    }

    /**
     * The second step: a code from the app or a recovery code for the account that gave its password.
     * Wrong codes count against the account and the address like wrong passwords; a right one opens
     * the session (a new token, never the pending one) and clears the account's count.
     */
    public SignIn completeSignIn(String token, String code, String address) {
        String hash = SecretTokens.hash(token == null || token.length() > 100 ? "" : token);
        Optional<User> user = repository.pendingUser(hash, clock.instant()).flatMap(users::byId).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            return new SignIn.StepExpired();
        }
        String accountKey = SignInThrottle.accountKey(user.get().email());
        List<String> keys = List.of(accountKey, SignInThrottle.addressKey(address));
        Optional<Instant> locked = throttle.lockedUntil(keys);
        if (locked.isPresent()) {
            return new SignIn.Locked(locked.get());
        }
        Check check = transactor.inTransaction(() -> {
            Check result = check(user.get(), code);
            if (result == Check.ACCEPTED) {
                repository.deletePending(hash);
            }
            return result;
        });
        if (check != Check.ACCEPTED) {
            throttle.recordFailure(keys);
            return new SignIn.Refused();
        }
        throttle.clear(accountKey);
        return new SignIn.SignedIn(openSession.apply(user.get()));
    }

    int cleanUp() {
        return repository.deleteExpiredPending(clock.instant());
    }

    /**
     * Does the work in one transaction if the code is right (using it up); else refuses. Wrong
     * codes count against the account like wrong sign-ins, recorded after the transaction so that
     * refusing does not roll the count back: a stolen session must not buy unlimited guesses.
     */
    private <T> T withCode(User user, String code, String field, java.util.function.Supplier<T> work) {
        List<String> keys = List.of(SignInThrottle.accountKey(user.email()));
        Optional<Instant> locked = throttle.lockedUntil(keys);
        if (locked.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), locked.get()).toSeconds());
            throw new AccountProblem(field, "Too many wrong codes. Wait " + seconds
                    + (seconds == 1 ? " second" : " seconds") + " before you try again.");
        }
        record Outcome<T>(Check check, T value) {
        }
        Outcome<T> outcome = transactor.inTransaction(() -> {
            Check check = check(user, code);
            return new Outcome<>(check, check == Check.ACCEPTED ? work.get() : null);
        });
        if (outcome.check() == Check.ACCEPTED) {
            return outcome.value();
        }
        throttle.recordFailure(keys);
        throw new AccountProblem(field, outcome.check() == Check.REPLAYED
                ? "That code was already used. Wait for the next code in your app."
                : "That code is not right. Enter the 6-digit code your app shows now, or a recovery code.");
    }

    /**
     * Uses up the unused recovery code with this hash, if the account has one. The hashes are
     * sealed with a fresh nonce each, so they are opened and compared here rather than looked up.
     */
    private boolean useRecoveryCode(long userId, String hash) {
        for (TwoFactorRepository.StoredCode code : repository.unusedCodes(userId)) {
            if (seal.openCodeHash(userId, code.stored()).filter(h -> SecretTokens.same(h, hash)).isPresent()) {
                return repository.useRecoveryCode(code.id(), clock.instant());
            }
        }
        return false;
    }

    /** What sealing again did: values sealed anew, values under the current key already, values no key opens. */
    public record Resealed(int resealed, int current, int unreadable) {
    }

    /**
     * Seals every stored key and recovery code under the current key: the ones from before
     * sealing (in the clear) and the ones under a retired key. The server runs it at start and the
     * key rotation command with the health data; a value a server changed meanwhile is left as it
     * wrote it (under its current key already).
     */
    public Resealed reseal() {
        int[] counts = new int[3];
        for (TwoFactorRepository.StoredKey key : repository.allKeys()) {
            count(counts, key.stored(), () -> {
                String plain = seal.openKey(key.userId(), key.stored());
                repository.replaceKey(key.userId(), key.stored(), seal.sealKey(key.userId(), plain));
            });
        }
        for (TwoFactorRepository.StoredCode code : repository.allCodes()) {
            count(counts, code.stored(), () -> {
                String hash = seal.openCodeHash(code.userId(), code.stored()).orElseThrow(() -> new IllegalStateException("unreadable"));
                repository.replaceCode(code.id(), code.stored(), seal.sealCodeHash(code.userId(), hash));
            });
        }
        return new Resealed(counts[0], counts[1], counts[2]);
    }

    private void count(int[] counts, String stored, Runnable reseal) {
        if (seal.isCurrent(stored)) {
            counts[1]++;
            return;
        }
        try {
            reseal.run();
            counts[0]++;
        } catch (IllegalStateException unreadable) {
            counts[2]++;
        }
    }

    /** Checks a code (app or recovery) of an account with two-step sign-in on, using it up when right. */
    private Check check(User user, String code) {
        Optional<TwoFactorRepository.Secret> secret = repository.secret(user.id()).filter(TwoFactorRepository.Secret::on);
        if (secret.isEmpty() || code == null || code.length() > 40) {
            return Check.WRONG;
        }
        if (RecoveryCodes.looksLikeOne(code)) {
            return useRecoveryCode(user.id(), RecoveryCodes.hash(code)) ? Check.ACCEPTED : Check.WRONG;
        }
        String stored = secret.get().secret();
        if (seal.isClear(stored)) {
            repository.replaceKey(user.id(), stored, seal.sealKey(user.id(), stored)); // from before sealing: sealed on first use
        }
        OptionalLong step = Totp.matchingStep(seal.openKey(user.id(), stored), code, clock.instant());
        if (step.isEmpty()) {
            return Check.WRONG;
        }
        return repository.useStep(user.id(), step.getAsLong()) ? Check.ACCEPTED : Check.REPLAYED;
    }
}
