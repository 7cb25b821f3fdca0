package org.vertebra.consult;

import java.time.ZoneId;
import java.util.List;

/** The zones a patient may choose from: the named regions (Europe/London), not aliases or fixed offsets. */
final class TimeZones {

    static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+"))
            .sorted().toList();

    private TimeZones() {
    }

    /** The zone by that name, or null when it is not one. */
    static ZoneId parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String label(ZoneId zone) {
        return zone.getId().replace('_', ' ');
    }
}
