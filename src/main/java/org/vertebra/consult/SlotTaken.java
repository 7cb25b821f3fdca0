package org.vertebra.consult;

import java.util.List;

/** The slot was taken by someone else first; {@code next} are the next free slots of that doctor. */
final class SlotTaken extends RuntimeException {
    private final transient List<Slot> next;

    SlotTaken(List<Slot> next) {
        super("this time was just taken", null, false, false);
        this.next = List.copyOf(next);
    }

    public List<Slot> next() {
        return next;
    }
}
