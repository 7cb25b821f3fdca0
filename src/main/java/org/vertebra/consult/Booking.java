package org.vertebra.consult;

import java.time.Instant;
import java.time.ZoneId;
import org.vertebra.language.Language;

/**
 * A consultation as stored, without its health data: the patient's contact details, the time, the
 * video room, and what became of it. {@code erasedAt} is set once the retention period removed the
 * intake answers and notes. {@code lang}: the language the patient booked in, which every later
 * mail and the pages its links open speak.
 */
public record Booking(long id, long doctorId, Instant start, Instant end, String name, String email, String phone,
                      ZoneId patientZone, String room, Status status, Instant createdAt, Instant cancelledAt,
                      Instant erasedAt, Language lang) {

    /** What became of a consultation; cancellation is kept apart, in {@code cancelledAt}. */
    public enum Status {
        BOOKED("booked", "Booked"), DONE("done", "Done"), NO_SHOW("no_show", "No-show");

        private final String key;
        private final String label;

        Status(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Status of(String key) {
            for (Status s : values()) {
                if (s.key.equals(key)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown consultation status " + key);
        }
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public Slot slot() {
        return new Slot(start, end);
    }
}
