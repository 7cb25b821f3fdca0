package org.vertebra.access;

import java.time.Duration;
import org.vertebra.form.Problems;

/**
 * How long sessions last, a site setting: accounts that can open health data (doctors,
 * administrators) are signed out after {@code healthDataIdle} without activity, as HIPAA's
 * automatic logoff asks; others after {@link #IDLE_TIMEOUT}. Every session ends
 * {@code lifetime} after sign-in, however busy, so a stolen cookie is worth a day at most.
 */
public record SessionPolicy(Duration healthDataIdle, Duration lifetime) {

    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(15), Duration.ofHours(12));
    /** The names it is kept under in the site's settings, the same on every server. */
    static final String IDLE_SETTING = "security.session_idle_minutes";
    static final String LIFETIME_SETTING = "security.session_lifetime_hours";
    public static final java.util.List<String> SETTINGS = java.util.List.of(IDLE_SETTING, LIFETIME_SETTING);
    static final int IDLE_MIN_MINUTES = 2;
    /** How long a session of someone who does not open health data may go unused. */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    static final int IDLE_MAX_MINUTES = 240;
    static final int LIFETIME_MIN_HOURS = 1;
    static final int LIFETIME_MAX_HOURS = 24 * 30;

    /** How long this person's session may go unused. */
    public Duration idleFor(User user) {
        return Permission.opensHealthData(user) ? healthDataIdle : IDLE_TIMEOUT;
    }

    public long idleMinutes() {
        return healthDataIdle.toMinutes();
    }

    public long lifetimeHours() {
        return lifetime.toHours();
    }

    /** The policy as typed on the settings page; throws {@link org.vertebra.form.Invalid} naming each field that is wrong. */
    public static SessionPolicy parse(String idleMinutes, String lifetimeHours) {
        Problems problems = new Problems();
        Integer idle = whole(idleMinutes, IDLE_MIN_MINUTES, IDLE_MAX_MINUTES);
        if (idle == null) {
            problems.add("session-idle", "Enter the minutes without activity as a whole number from " + IDLE_MIN_MINUTES + " to "
                    + IDLE_MAX_MINUTES + ".");
        }
        Integer hours = whole(lifetimeHours, LIFETIME_MIN_HOURS, LIFETIME_MAX_HOURS);
        if (hours == null) {
            problems.add("session-lifetime", "Enter the hours after sign-in as a whole number from " + LIFETIME_MIN_HOURS + " to "
                    + LIFETIME_MAX_HOURS + ".");
        }
        problems.check();
        return new SessionPolicy(Duration.ofMinutes(idle), Duration.ofHours(hours));
    }

    /** The policy from the site's settings ({@link #SETTINGS}), each value falling back to the default when missing or wrong. */
    public static SessionPolicy from(java.util.Map<String, String> settings) {
        return stored(settings.get(IDLE_SETTING), settings.get(LIFETIME_SETTING));
    }

    /** The values to keep under {@link #SETTINGS}. */
    public java.util.Map<String, String> settings() {
        return java.util.Map.of(IDLE_SETTING, Long.toString(idleMinutes()), LIFETIME_SETTING, Long.toString(lifetimeHours()));
    }

    static SessionPolicy stored(String idleMinutes, String lifetimeHours) {
        Integer idle = whole(idleMinutes, IDLE_MIN_MINUTES, IDLE_MAX_MINUTES);
        Integer hours = whole(lifetimeHours, LIFETIME_MIN_HOURS, LIFETIME_MAX_HOURS);
        return new SessionPolicy(idle == null ? DEFAULT.healthDataIdle : Duration.ofMinutes(idle),
                hours == null ? DEFAULT.lifetime : Duration.ofHours(hours));
    }

    private static Integer whole(String value, int min, int max) {
        String clean = value == null ? "" : value.strip();
        if (!clean.matches("\\d{1,6}")) {
            return null;
        }
        int n = Integer.parseInt(clean);
        return n < min || n > max ? null : n;
    }
}
