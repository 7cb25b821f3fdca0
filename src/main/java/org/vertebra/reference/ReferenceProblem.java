package org.vertebra.reference;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Something the editor should tell the writer about a reference, with a kind its script can act on. */
public record ReferenceProblem(Kind kind, String message) {

    public enum Kind {
        INVALID_DOI, INVALID_PMID, INVALID_IDENTIFIER, NOTHING_GIVEN, NOT_FOUND,
        LOOKUPS_OFF, UNREACHABLE, TIMED_OUT, SERVICE_ERROR, MALFORMED_ANSWER;

        /** In JSON as "not-found", "timed-out", ... */
        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(LookupFailure.Reason reason) {
            return switch (reason) {
                case NOT_CONFIGURED -> LOOKUPS_OFF;
                case UNREACHABLE -> UNREACHABLE;
                case TIMED_OUT -> TIMED_OUT;
                case SERVICE_ERROR -> SERVICE_ERROR;
                case MALFORMED_ANSWER -> MALFORMED_ANSWER;
            };
        }

        static Kind of(Identifiers.Kind identifier) {
            if (identifier == null) {
                return INVALID_IDENTIFIER;
            }
            return identifier == Identifiers.Kind.DOI ? INVALID_DOI : INVALID_PMID;
        }
    }
}
