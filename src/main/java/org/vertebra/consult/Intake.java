package org.vertebra.consult;

import java.util.List;

/** What the patient told us before the consultation; stored only encrypted (see {@link HealthDataCipher}). */
public record Intake(int age, String complaint, String duration, List<String> redFlags) {

    public Intake {
        redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    }

    /** The urgency of the most urgent warning sign ticked. */
    public RedFlag.Urgency urgency() {
        return RedFlag.highest(redFlags);
    }

    /** The ticked warning signs, most urgent first. */
    public List<RedFlag> rankedRedFlags() {
        return redFlags.stream().map(RedFlag::of).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing(RedFlag::urgency).reversed()).toList();
    }

    public List<String> redFlagLabels() {
        return redFlags.stream().map(k -> RedFlag.of(k).map(RedFlag::label).orElse(k)).toList();
    }
}
