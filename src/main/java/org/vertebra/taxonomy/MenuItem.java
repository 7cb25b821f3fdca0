package org.vertebra.taxonomy;

/** One link of a menu; menus are data so a site owner can change them without a release. */
public record MenuItem(String label, String url) {
}
