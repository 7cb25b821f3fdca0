package org.vertebra.pemat;

import java.util.Optional;

/** A rater's answer to one item: the tool scores Agree 1, Disagree 0, and leaves N/A out. */
public enum Rating {
    AGREE("agree", "Agree"),
    DISAGREE("disagree", "Disagree"),
    NOT_APPLICABLE("na", "Not applicable");

    private final String code;
    private final String label;

    Rating(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The form value and stored value. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The rating a form or database value names; empty for a blank (not answered yet). */
    public static Optional<Rating> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        for (Rating rating : values()) {
            if (rating.code.equals(code.strip())) {
                return Optional.of(rating);
            }
        }
        throw new IllegalArgumentException("not a PEMAT rating: " + code);
    }
}
