package org.vertebra.trust;

/**
 * The four JAMA benchmarks for health information on the web (Silberg, Lundberg and Musacchio,
 * JAMA 1997): who wrote it and with what credentials, where its claims come from, who paid for it
 * or stands to gain, and when it was written and last checked.
 */
public enum Benchmark {
    AUTHORSHIP("authorship", "Authorship"),
    ATTRIBUTION("attribution", "Attribution"),
    DISCLOSURE("disclosure", "Disclosure"),
    CURRENCY("currency", "Currency");

    private final String key;
    private final String label;

    Benchmark(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name in {@code vertebra check --json} and in the admin's CSV. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
