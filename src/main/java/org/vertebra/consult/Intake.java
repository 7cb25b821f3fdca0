package org.vertebra.consult;

import java.util.List;

/** What the patient told us before the consultation; stored only encrypted (see {@link HealthDataCipher}). */
public record Intake(int age, String complaint, String duration, List<String> redFlags) {

    public Intake {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    public List<String> redFlagLabels() {
        return redFlags.stream().map(k -> RedFlag.of(k).map(RedFlag::label).orElse(k)).toList();
    }
}
