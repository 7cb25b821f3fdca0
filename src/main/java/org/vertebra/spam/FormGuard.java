package org.vertebra.spam;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The spam defences every public form shares, with no third-party service: a honeypot field that
 * people never see and bots fill in, a minimum time between showing the form and sending it, a
 * limit on submissions per address (kept in the database, so it holds across servers), and a
 * block list of words and domains. Addresses are kept only as salted hashes.
 */
public final class FormGuard {

    /** The hidden field bots fill in; forms render it visually hidden, labelled "leave this empty". */
    public static final String HONEYPOT = "homepage";
    /** The field that carries the form's ticket. */
    public static final String TICKET = "ticket";
    /** Nobody reads a page and writes a comment faster than this. */
    public static final Duration MINIMUM_TIME = Duration.ofSeconds(3);
    static final Duration RATE_WINDOW = Duration.ofHours(1);

    private final SubmissionRepository submissions;
    private final FormTickets tickets;
    private final byte[] salt;
    private final BlockList blockList;
    private final Clock clock;

    public FormGuard(Jdbi jdbi, byte[] secret, BlockList blockList, Clock clock) {
        this.submissions = new SubmissionRepository(jdbi);
        this.tickets = new FormTickets(secret);
        this.salt = secret.clone();
        this.blockList = blockList;
        this.clock = clock;
    }

    /** What one public form sent, for the guard to judge. */
    public record Submission(String form, String address, String ticket, String honeypot, int perHour, List<String> texts) {
        public Submission {
            texts = texts.stream().map(t -> t == null ? "" : t).toList();
        }
    }

    /** A fresh ticket for a form being shown now. */
    public String ticket() {
        return tickets.issue(clock.instant());
    }

    /**
     * The ticket for a form shown again with its problems. The person has read the form once
     * already, and fixing one field takes less than the minimum time: when the ticket they sent
     * was ours, the new one is dated back by that minimum, so the corrected form is never refused
     * as too quick. A missing or forged ticket gets a fresh one.
     */
    public String ticketAfterProblems(String sent) {
        Instant now = clock.instant();
        return tickets.issue(tickets.age(sent, now) == null ? now : now.minus(MINIMUM_TIME));
    }

    /**
     * A signature over a value for one purpose (the link in an email that stops it, say), so the
     * link needs no stored token; a signature for one purpose never passes for another.
     */
    public String sign(String purpose, String value) {
        return tickets.sign(purpose + ":" + value);
    }

    public boolean signedBy(String purpose, String value, String signature) {
        return tickets.verifies(purpose + ":" + value, signature);
    }

    /** Judges a submission; changes nothing (see {@link #record}). */
    public Verdict check(Submission s) {
        if (s.honeypot() != null && !s.honeypot().isBlank()) {
            return Verdict.spam("the hidden field was filled in");
        }
        Duration age = tickets.age(s.ticket(), clock.instant());
        if (age == null) {
            return Verdict.refused("damaged", "This form is damaged or too old. Reload the page and send it again; what you wrote is kept below.");
        }
        if (age.compareTo(MINIMUM_TIME) < 0) {
            return Verdict.refused("quick", "That was very quick. Please check what you wrote and send it again.");
        }
        if (recentFrom(s.form(), s.address()) >= s.perHour()) {
            return Verdict.refused("many", "You have sent this form " + s.perHour() + " times in the last hour. Please wait a while and try again.",
                    s.perHour());
        }
        for (String text : s.texts()) {
            Optional<String> blocked = blockList.firstMatch(text);
            if (blocked.isPresent()) {
                return Verdict.spam("contains \"" + blocked.get() + "\"");
            }
        }
        return Verdict.ACCEPTED;
    }

    /**
     * Whether this address is still under the form's hourly limit: for a public endpoint without a
     * ticket (a JSON API), which gets the rate limit and nothing else.
     */
    public boolean withinLimit(String form, String address, int perHour) {
        return recentFrom(form, address) < perHour;
    }

    /** Counts a submission toward its address's limit; call it in the transaction that stores the submission. */
    public void record(String form, String address) {
        submissions.add(form, hash(address), clock.instant());
    }

    /** Forgets submissions older than the rate window; housekeeping calls it. */
    public int forgetOld() {
        return submissions.deleteBefore(clock.instant().minus(RATE_WINDOW));
    }

    /** The salted hash by which an address is kept; the same on every server of the site. */
    public String hash(String address) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private int recentFrom(String form, String address) {
        return submissions.countSince(form, hash(address), clock.instant().minus(RATE_WINDOW));
    }
}
