package org.vertebra.article;

import java.util.List;

/** One page of a list (an archive, a desk shelf), numbered from 1. */
public record Page<T>(List<T> items, int number, int totalPages, int totalItems) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean exists() {
        return number >= 1 && (number <= totalPages);
    }
}