package org.vertebra.consult;

import java.time.Duration;

/**
 * How a site runs its consultations (settings consult.* and jitsi.base_url).
 *
 * @param jitsiBaseUrl   the Jitsi Meet server rooms are made on, without a trailing slash
 * @param cancelCutoff   how long before the start a patient may still cancel or move online
 * @param retentionDays  days after a consultation ends that its intake answers and notes are kept
 * @param configuredKey  Base64 of the 32-byte health data key, or empty to use the key file
 */
public record ConsultOptions(String jitsiBaseUrl, Duration cancelCutoff, int retentionDays, String configuredKey) {

    public static final String DEFAULT_JITSI = "https://meet.jit.si";

    public static ConsultOptions defaults() {
        return new ConsultOptions(DEFAULT_JITSI, Duration.ofHours(24), 365, "");
    }
}
