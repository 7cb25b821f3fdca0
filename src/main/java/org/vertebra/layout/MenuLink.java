package org.vertebra.layout;

/** A menu entry, marked current when it is the page being shown. */
public record MenuLink(String label, String url, boolean current) {
}
