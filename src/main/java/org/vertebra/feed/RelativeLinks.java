package org.vertebra.feed;

import java.util.regex.Pattern;

/**
 * Whether article HTML has an address that is not absolute: an href or src whose value does not
 * start with a scheme and two slashes (https://, http://) or with mailto: or tel:. Quoted either
 * way or not at all (possessively: the quote is never taken as the address's first character);
 * a protocol-relative or fragment address counts as not absolute.
 */
final class RelativeLinks {

    private static final Pattern ADDRESS = Pattern.compile(
            "\\b(?:href|src)\\s*+=\\s*+[\"']?+\\s*+(?![a-z][a-z0-9+.-]*://|mailto:|tel:)", Pattern.CASE_INSENSITIVE);

    private RelativeLinks() {
    }

    static boolean in(String html) {
        return ADDRESS.matcher(html).find();
    }
}
