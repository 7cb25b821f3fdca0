package org.vertebra;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;
import java.util.regex.Pattern;

/**
 * How ArchitectureTest's frozen breaches are recognised again. A package cycle is the same cycle
 * while its chain of packages is the same, whatever classes make up its arrows (otherwise any change
 * in a package on a known cycle would read as a new breach); any other breach is the same when it
 * differs only in line numbers and in the numbers the compiler gives lambdas.
 */
public final class CycleChainMatcher implements ViolationLineMatcher {

    private static final String CYCLE = "Cycle detected:";
    private static final Pattern LINE_NUMBER = Pattern.compile("\\.java:\\d+\\)");
    private static final Pattern LAMBDA_NUMBER = Pattern.compile("\\$(lambda\\$)?[\\w]*?\\$?\\d+");

    @Override
    public boolean matches(String stored, String found) {
        if (stored.startsWith(CYCLE) && found.startsWith(CYCLE)) {
            return chain(stored).equals(chain(found));
        }
        return normal(stored).equals(normal(found));
    }

    private static String chain(String cycle) {
        int details = cycle.indexOf("1. Dependencies");
        return (details < 0 ? cycle : cycle.substring(0, details)).replaceAll("[\\s\\\\]+", " ").strip();
    }

    private static String normal(String line) {
        return LAMBDA_NUMBER.matcher(LINE_NUMBER.matcher(line).replaceAll(".java)")).replaceAll("\\$N");
    }
}
