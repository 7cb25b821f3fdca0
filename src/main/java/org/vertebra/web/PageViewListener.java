package org.vertebra.web;

/** Told of each public page served; must return at once (statistics queue the view and count it later). */
@FunctionalInterface
public interface PageViewListener {

    PageViewListener NONE = view -> { };

    void viewed(PageView view);
}
