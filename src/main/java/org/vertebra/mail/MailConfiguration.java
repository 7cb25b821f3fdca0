package org.vertebra.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.secret.Sealer;
import org.vertebra.settings.SiteSettings;

/**
 * The mail settings in force, read afresh on every use so that a change in the admin takes effect
 * at once on every server of the site, without a restart. Each setting comes from the environment
 * or the properties file when given there (it is then fixed: the admin shows it read-only), else
 * from what an administrator stored (the site's settings table, the password sealed under the
 * site's key), else the default.
 */
public final class MailConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);
    private static final List<String> STORED = List.of(SmtpSettings.HOST, SmtpSettings.PORT, SmtpSettings.USER,
            SmtpSettings.PASSWORD, SmtpSettings.TLS, SmtpSettings.FROM, SmtpSettings.CONTACT_TO, SmtpSettings.TRUSTED_CERT);

    private final SmtpSettings configured;
    private final Set<String> fixed;
    private final Map<String, String> fixedBy;
    private final SiteSettings store;
    private final Sealer sealer;
    /** The transport of the settings last used: built again only when they change. */
    private volatile Built built;
    private volatile boolean unreadableLogged;

    private record Built(SmtpSettings settings, SmtpTransport transport) {
    }

    /** What the settings say about the stored password, for the form. */
    public enum StoredPassword { NONE, STORED, UNREADABLE }

    /**
     * @param configured the settings from the environment, the properties file and the defaults
     * @param fixedBy    for each setting ({@link SmtpSettings#HOST}, ...) given in the environment or the file,
     *                   where, in words ("the environment variable VERTEBRA_SMTP_HOST")
     */
    public MailConfiguration(SmtpSettings configured, Map<String, String> fixedBy, SiteSettings store, Sealer sealer) {
        this.configured = configured;
        this.fixedBy = Map.copyOf(fixedBy);
        this.fixed = this.fixedBy.keySet();
        this.store = store;
        this.sealer = sealer;
    }

    /** Settings that only the configuration gives, such as a test's: nothing stored is read. */
    public static MailConfiguration fixedTo(SmtpSettings settings) {
        Map<String, String> all = new HashMap<>();
        STORED.forEach(name -> all.put(name, "the configuration"));
        return new MailConfiguration(settings, all, null, null);
    }

    /** The names of the settings the environment or the properties file fix. */
    public Set<String> fixed() {
        return fixed;
    }

    /** Where each fixed setting comes from, in words. */
    public Map<String, String> fixedBy() {
        return fixedBy;
    }

    public SmtpSettings current() {
        Map<String, String> stored = stored();
        String tls = pick(SmtpSettings.TLS, stored, configured.tls());
        String portText = stored.get(SmtpSettings.PORT);
        int port = fixed.contains(SmtpSettings.PORT) ? configured.port()
                : portText != null && portText.matches("\\d{1,5}") ? Integer.parseInt(portText)
                : !fixed.contains(SmtpSettings.TLS) && stored.containsKey(SmtpSettings.TLS) ? SmtpSettings.defaultPort(tls)
                : configured.port();
        String from = pick(SmtpSettings.FROM, stored, configured.from());
        return new SmtpSettings(pick(SmtpSettings.HOST, stored, configured.host()), port,
                pick(SmtpSettings.USER, stored, configured.user()), password(stored).orElse(""), tls,
                MailSettingsChange.readable(from) ? from : configured.from(),
                // Unless fixed, an unset recipient follows the sender, whichever sender is in force.
                pick(SmtpSettings.CONTACT_TO, stored, fixed.contains(SmtpSettings.CONTACT_TO) ? configured.contactTo() : ""),
                pick(SmtpSettings.TRUSTED_CERT, stored, configured.trustedCert()));
    }

    /** Whether a password is stored, and whether this server can open it. */
    public StoredPassword storedPassword() {
        if (fixed.contains(SmtpSettings.PASSWORD)) {
            return configured.password().isEmpty() ? StoredPassword.NONE : StoredPassword.STORED;
        }
        Map<String, String> stored = stored();
        if (!stored.containsKey(SmtpSettings.PASSWORD)) {
            return StoredPassword.NONE;
        }
        return password(stored).isPresent() ? StoredPassword.STORED : StoredPassword.UNREADABLE;
    }

    /** Stores the change in one transaction (all of it or nothing), the password sealed. */
    public void save(MailSettingsChange change) {
        if (store == null) {
            throw new IllegalStateException("these mail settings come from the configuration only");
        }
        Map<String, String> values = new HashMap<>(change.values());
        values.keySet().removeAll(fixed);
        if (change.forgetPassword()) {
            values.put(SmtpSettings.PASSWORD, null);
        } else if (change.password() != null) {
            values.put(SmtpSettings.PASSWORD, sealer.seal(SmtpSettings.PASSWORD, change.password()));
        }
        store.saveValues(values);
        LOG.info("mail settings changed in the admin: {}", values.keySet().stream().sorted().toList());
    }

    /** The SMTP server to send through now, or null when none is set (mail then waits in the outbox). */
    public SmtpTransport transport() {
        SmtpSettings now = current();
        if (!now.configured()) {
            return null;
        }
        Built last = built;
        if (last == null || !last.settings().equals(now)) {
            last = new Built(now, SmtpTransport.of(now));
            built = last;
        }
        return last.transport();
    }

    private Map<String, String> stored() {
        return store == null ? Map.of() : store.values(STORED);
    }

    private String pick(String name, Map<String, String> stored, String fallback) {
        return !fixed.contains(name) && stored.containsKey(name) ? stored.get(name) : fallback;
    }

    private Optional<String> password(Map<String, String> stored) {
        if (fixed.contains(SmtpSettings.PASSWORD) || !stored.containsKey(SmtpSettings.PASSWORD)) {
            return Optional.of(configured.password());
        }
        Optional<String> opened = sealer.open(SmtpSettings.PASSWORD, stored.get(SmtpSettings.PASSWORD));
        if (opened.isEmpty() && !unreadableLogged) {
            unreadableLogged = true; // once, not every round of the sender
            LOG.warn("the stored SMTP password does not open with this server's key; enter it again under Mail settings");
        }
        return opened;
    }
}
