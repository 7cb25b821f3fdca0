package org.vertebra.redirect;

import java.net.URI;
import java.net.URISyntaxException;
import org.vertebra.form.Problems;

/**
 * A redirect as a form gives it, checked on its own (the rules that need the database, chains and
 * articles, are the service's).
 *
 * @param source normalised (see {@link RedirectPaths})
 * @param target null for a 410
 */
public record RedirectChange(String source, String target, RedirectKind kind, String note) {

    /** A form's values, its kind as the form sends it ("410" for Gone, anything else Moved); see {@link #of}. */
    public static RedirectChange parse(String source, String target, String kind, String note) {
        return of(source, target, "410".equals(kind) ? RedirectKind.GONE : RedirectKind.MOVED, note);
    }

    /**
     * The one place a redirect's own values are checked, for the admin's form and for imported
     * files alike. Throws {@link org.vertebra.form.Invalid} with every problem found.
     */
    public static RedirectChange of(String source, String target, RedirectKind cleanKind, String note) {
        Problems problems = new Problems();
        String typed = problems.required("source", "Old address", source, RedirectPaths.MAX);
        String cleanSource = null;
        if (typed != null && typed.length() <= RedirectPaths.MAX) {
            cleanSource = RedirectPaths.normalise(typed).orElse(null);
            if (cleanSource == null) {
                problems.add("source", "The old address must be a path on this site starting with /, such as /old-page/.");
            } else if (typed.contains("?")) {
                problems.add("source", "Leave out the part from ? on: redirects match the path only, whatever the query.");
            } else if (RedirectPaths.reservedPrefix(cleanSource) != null) {
                problems.add("source", "Addresses under " + RedirectPaths.reservedPrefix(cleanSource)
                        + " belong to Vertebra itself (the admin, its programs and files) and cannot be redirected.");
            } else if (cleanSource.equals("/")) {
                problems.add("source", "The home page cannot be redirected.");
            }
        }
        String cleanTarget = null;
        if (cleanKind == RedirectKind.MOVED) {
            cleanTarget = problems.required("target", "New address", target, 1000);
            if (cleanTarget != null && cleanTarget.length() <= 1000 && !validTarget(cleanTarget)) {
                problems.add("target", "The new address must be a path on this site starting with /, such as /new-page/, "
                        + "or a full address starting with https://.");
            }
            if (cleanTarget != null && cleanSource != null && RedirectPaths.isLocal(cleanTarget)
                    && RedirectPaths.normalise(cleanTarget).filter(cleanSource::equals).isPresent()) {
                problems.add("target", "The new address is the old address itself; a redirect there would never end.");
            }
        }
        String cleanNote = problems.optional("note", "The note", note, 1000);
        problems.check();
        return new RedirectChange(cleanSource, cleanTarget, cleanKind, cleanNote);
    }

    /** A local path, or an https address with a host and no spaces. */
    private static boolean validTarget(String target) {
        if (target.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(target);
            if (RedirectPaths.isLocal(target)) {
                return true;
            }
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
