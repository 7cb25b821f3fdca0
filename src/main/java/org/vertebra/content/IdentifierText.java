package org.vertebra.content;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a DOI, PMID or web address written in a reference ends: the one rule that the reference
 * parser (what the article page links), the evidence check and the look-up form all follow.
 * <ul>
 * <li>It ends at white space of any kind. WordPress writes {@code &nbsp;} (U+00A0) before
 * "[PubMed]", typesetters use thin spaces (U+2009, U+202F), and pasted text carries zero-width
 * ones; Java's {@code \s} knows none of them.</li>
 * <li>A link label glued to it ("[PubMed]", "[PMC free article]", "[Google Scholar]", as
 * PubMed Central and journals write them) is not part of it.</li>
 * <li>Punctuation that closes the sentence or a bracket around it is not part of it; a
 * closing parenthesis is, when the identifier opened it, as in 10.1016/S0140-6736(20)30183-5.</li>
 * </ul>
 */
public final class IdentifierText {

    private static final String SPACES = "\\p{IsWhite_Space}\\u200B\\u2060\\uFEFF";

    /** One white space character, Unicode's as well as ASCII's, for use inside a regular expression. */
    public static final String SPACE = "[" + SPACES + "]";

    /** A run of characters up to the next white space: an identifier with whatever follows it unspaced. */
    public static final String WORD = "[^" + SPACES + "]+";

    /** The same run without the characters that cannot be in a web address ({@code <>"}). */
    public static final String ADDRESS = "[^" + SPACES + "<>\"]+";

    /** The words of the links that PubMed Central, journals and WordPress sites put after a reference. */
    private static final List<String> LINK_LABELS = List.of("PubMed", "PMC free article", "Google Scholar",
            "CrossRef", "Europe PMC", "Ref list", "Free full text", "DOI");

    /**
     * A bracketed label in a run without spaces: "[PubMed]" whole, or "[PMC" ending the run, the
     * first word of "[PMC free article]".
     */
    private static final Pattern GLUED_LABEL = Pattern.compile(LINK_LABELS.stream()
            .map(label -> label.contains(" ") ? Pattern.quote(label.split(" ")[0]) + "$" : Pattern.quote(label) + "(?:]|$)")
            .collect(Collectors.joining("|", "(?i)\\[(?:", ")")));

    /** A bracketed label anywhere, its words apart as written: "[PMC free article]". */
    private static final Pattern LABEL = Pattern.compile(LINK_LABELS.stream()
            .map(label -> Pattern.quote(label).replace(" ", "\\E" + SPACE + "+\\Q"))
            .collect(Collectors.joining("|", "(?i)\\[(?:", ")]")));

    private static final Pattern ANY_SPACE = Pattern.compile(SPACE + "+");

    private static final String CLOSING = ".,;:]}>'\"\u201D\u2019\u00BB";

    private IdentifierText() {
    }

    /** True for a link whose words are only such a label, as in {@code [PubMed](https://pubmed...)}. */
    public static boolean isLinkLabel(String words) {
        String label = words.strip().replaceAll("^\\[|]$", "").toLowerCase(Locale.ROOT);
        return LINK_LABELS.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(label));
    }

    /**
     * An identifier as pasted into a form: without link labels, and without white space (a DOI
     * broken across two lines is one DOI).
     */
    public static String pasted(String text) {
        return ANY_SPACE.matcher(LABEL.matcher(text).replaceAll(" ")).replaceAll("");
    }

    /**
     * The identifier or address at the start of a run of characters found in prose: up to a glued
     * link label, without the punctuation of the sentence or brackets around it.
     */
    public static String trimmed(String run) {
        var label = GLUED_LABEL.matcher(run);
        int end = label.find() ? label.start() : run.length();
        while (end > 0 && (CLOSING.indexOf(run.charAt(end - 1)) >= 0
                || run.charAt(end - 1) == ')' && unbalanced(run.substring(0, end)))) {
            end--;
        }
        return run.substring(0, end);
    }

    /**
     * A DOI as a doi.org address spells it, decoded: "10.1002/%28SICI%29..." is 10.1002/(SICI)...
     * A plus is a plus in a DOI, and a stray "%" is kept as written.
     */
    public static String decodedDoi(String addressPath) {
        try {
            return URLDecoder.decode(addressPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return addressPath;
        }
    }

    /**
     * The doi.org address of a DOI. Characters that a URL may not hold, or that would end its path
     * ("#", "?", "%", as some old DOIs contain: 10.1002/(SICI)...&lt;1661::AID-SIM968&gt;3.0.CO;2-#),
     * are percent-encoded, as the DOI Handbook asks.
     */
    public static String doiAddress(String doi) {
        StringBuilder address = new StringBuilder("https://doi.org/");
        for (byte b : doi.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (b >= 0 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                address.append(c);
            } else {
                address.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return address.toString();
    }

    /** A DOI may hold parentheses, as in 10.1016/S0140-6736(20)30183-5; a closing one without its pair is prose. */
    private static boolean unbalanced(String value) {
        return value.chars().filter(c -> c == ')').count() > value.chars().filter(c -> c == '(').count();
    }
}
