package org.vertebra.trust;

/**
 * How many published articles read above a reading grade: what an administrator learns before
 * setting the site's limit. The trust feature asks; the articles feature answers, without either
 * reading the other's tables.
 */
@FunctionalInterface
public interface PublishedGrades {

    int countAbove(int grade);
}
