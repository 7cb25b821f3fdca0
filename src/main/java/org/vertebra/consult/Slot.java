package org.vertebra.consult;

import java.time.Instant;

/** A span of time: a free slot, or the time a booking takes. */
public record Slot(Instant start, Instant end) {

    boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
