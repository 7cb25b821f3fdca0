package org.vertebra.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.vertebra.content.Reference;
import org.vertebra.content.ReferenceParser;

/**
 * The references editor's engine: checks a reference's DOI and PMID, looks its metadata up when a
 * service is configured, and writes it in Vancouver style. Plain Java; {@link ReferenceRoutes}
 * puts it on HTTP.
 */
public final class ReferenceService {

    private final ReferenceLookup lookup;

    public ReferenceService(ReferenceLookup lookup) {
        this.lookup = lookup;
    }

    /** Whether look-ups are configured at all, so the editor can hide its "look up" button. */
    public boolean lookupsEnabled() {
        return lookup.enabled();
    }

    /**
     * One reference: from the parts the writer entered ({@code given}, formatted as they are), or
     * else from its DOI and PMID, looked up (DOI first). An identifier not given is taken from
     * {@code text}, a reference as written ("... doi: 10.1056/NEJMoa2034577. PMID: 33301246").
     * Any argument may be null.
     */
    public FormattedReference format(String text, String doi, String pmid, Citation given) {
        List<ReferenceProblem> problems = new ArrayList<>();
        Reference written = ReferenceParser.parse(text == null ? "" : text, null);
        String checkedDoi = check(blank(doi) ? written.doi() : doi, Identifiers::doi, problems);
        String checkedPmid = check(blank(pmid) ? written.pmid() : pmid, Identifiers::pmid, problems);
        if (given != null) {
            return FormattedReference.of(given.withMissingIdentifiers(checkedDoi, checkedPmid), problems);
        }
        if (checkedDoi == null && checkedPmid == null) {
            if (problems.isEmpty()) {
                problems.add(new ReferenceProblem(ReferenceProblem.Kind.NOTHING_GIVEN, blank(text)
                        ? "Give the reference's DOI or PMID, or its parts."
                        : "The reference has no DOI or PMID to look up: add one, or enter its parts."));
            }
            return FormattedReference.of(null, problems);
        }
        Citation found = lookUp(checkedDoi, checkedPmid, problems);
        return FormattedReference.of(found == null ? null : found.withMissingIdentifiers(checkedDoi, checkedPmid), problems);
    }

    /** A DOI or PMID ("10.1056/...", "PMID: 33301246", a doi.org or PubMed address), looked up and formatted. */
    public FormattedReference lookUp(String identifier) {
        List<ReferenceProblem> problems = new ArrayList<>();
        try {
            Identifiers.Identifier id = Identifiers.parse(identifier);
            boolean doi = id.kind() == Identifiers.Kind.DOI;
            return FormattedReference.of(lookUp(doi ? id.value() : null, doi ? null : id.value(), problems), problems);
        } catch (Identifiers.InvalidIdentifier e) {
            problems.add(new ReferenceProblem(ReferenceProblem.Kind.of(e.kind()), e.getMessage()));
            return FormattedReference.of(null, problems);
        }
    }

    /**
     * The DOI's citation, else the PMID's. Once one is found, what went wrong with the other
     * service no longer matters; that it did not know an identifier still does.
     */
    private Citation lookUp(String doi, String pmid, List<ReferenceProblem> problems) {
        List<ReferenceProblem> failures = new ArrayList<>();
        Citation byDoi = doi == null ? null : attempt(lookup::byDoi, doi, "DOI", failures);
        Citation found = byDoi != null || pmid == null ? byDoi : attempt(lookup::byPmid, pmid, "PMID", failures);
        failures.stream()
                .filter(p -> found == null || p.kind() == ReferenceProblem.Kind.NOT_FOUND)
                .forEach(problems::add);
        return found;
    }

    private static Citation attempt(Function<String, Optional<Citation>> service, String id, String label,
                                    List<ReferenceProblem> failures) {
        try {
            Optional<Citation> citation = service.apply(id);
            if (citation.isEmpty()) {
                failures.add(new ReferenceProblem(ReferenceProblem.Kind.NOT_FOUND,
                        "No publication has the " + label + " " + id + ". Check it against the article."));
            }
            return citation.orElse(null);
        } catch (LookupFailure e) {
            failures.add(new ReferenceProblem(ReferenceProblem.Kind.of(e.reason()), e.getMessage()));
            return null;
        }
    }

    private static String check(String raw, UnaryOperator<String> rule, List<ReferenceProblem> problems) {
        if (blank(raw)) {
            return null;
        }
        try {
            return rule.apply(raw);
        } catch (Identifiers.InvalidIdentifier e) {
            problems.add(new ReferenceProblem(ReferenceProblem.Kind.of(e.kind()), e.getMessage()));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
