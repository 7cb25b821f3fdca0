package org.vertebra.settings;

import java.time.Duration;
import org.vertebra.form.Problems;

/**
 * How long a prescribed reading list's link works, a site setting kept under {@link #SETTING}: long
 * enough for a course of treatment, short enough that a forgotten link stops opening. Each list
 * keeps the expiry it was sent with; changing the setting changes only lists sent afterwards.
 */
public record ReadingExpiry(int days) {

    public static final String SETTING = "reading.expiry_days";
    public static final ReadingExpiry DEFAULT = new ReadingExpiry(90);
    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 365;

    public Duration duration() {
        return Duration.ofDays(days);
    }

    /** The setting as typed on the settings page; throws {@link org.vertebra.form.Invalid} when it is not a number of days in range. */
    public static ReadingExpiry parse(String typed) {
        Problems problems = new Problems();
        Integer days = whole(typed);
        if (days == null) {
            problems.add("reading-expiry", "Enter the days a reading list's link works as a whole number from " + MIN_DAYS
                    + " to " + MAX_DAYS + ".");
        }
        problems.check();
        return new ReadingExpiry(days);
    }

    /** The stored setting, or the default when it is missing or not a number of days in range. */
    public static ReadingExpiry stored(String value) {
        Integer days = whole(value);
        return days == null ? DEFAULT : new ReadingExpiry(days);
    }

    private static Integer whole(String value) {
        String clean = value == null ? "" : value.strip();
        if (!clean.matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(clean);
        return n < MIN_DAYS || n > MAX_DAYS ? null : n;
    }
}
