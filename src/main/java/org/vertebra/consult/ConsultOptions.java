package org.vertebra.consult;

import java.time.Duration;

/**
 * How a site runs its consultations (settings consult.* and jitsi.base_url).
 *
 * @param jitsiBaseUrl   the Jitsi Meet server rooms are made on, without a trailing slash
 * @param cancelCutoff   how long before the start a patient may still cancel or move online
 * @param retentionDays  days after a consultation ends that its intake answers and notes are kept
 * @param configuredKey  Base64 of the 32-byte health data key, or empty to use the key file
 * @param configuredOldKeys retired health data keys (Base64, comma separated) that still open
 *                       values until {@code consult-rekey} has sealed them under the current key;
 *                       empty: only the file DATA/consult.old-keys, when there is one
 */
public record ConsultOptions(String jitsiBaseUrl, Duration cancelCutoff, int retentionDays, String configuredKey,
                             String configuredOldKeys) {

    public static final String DEFAULT_JITSI = "https://meet.jit.si";

    public static ConsultOptions defaults() {
        return new ConsultOptions(DEFAULT_JITSI, Duration.ofHours(24), 365, "", "");
    }
}
