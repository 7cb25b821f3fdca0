package org.vertebra.article;

/** Where an article stands on the editorial desk; derived from what is stored and the time. */
public enum EditorialStatus {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    SCHEDULED("Scheduled"),
    PUBLISHED("Published"),
    TRASH("In the trash");

    private final String label;

    EditorialStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
