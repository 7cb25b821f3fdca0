package org.vertebra.reference;

import java.util.List;

/**
 * A reference as the editor shows it: in Vancouver style when its parts are known, the parts, and
 * what stood in the way. {@code vancouver} and {@code citation} are null when nothing could be
 * found; {@code problems} is empty when all went well.
 */
public record FormattedReference(String vancouver, Citation citation, List<ReferenceProblem> problems) {

    public FormattedReference {
        problems = List.copyOf(problems);
    }

    static FormattedReference of(Citation citation, List<ReferenceProblem> problems) {
        return new FormattedReference(citation == null ? null : VancouverFormatter.format(citation), citation, problems);
    }
}
