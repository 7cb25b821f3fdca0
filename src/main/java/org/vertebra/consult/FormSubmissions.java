package org.vertebra.consult;

import org.vertebra.secret.HmacSigner;
import org.vertebra.secret.SecretTokens;

/**
 * The id a booking form carries from the moment it is shown, so that the same form sent twice (a
 * double tap, a reload of the answer, a phone restoring its tab, a resend after a lost answer) is
 * one booking. Nothing more is stored for it: a booking's video room is named after its form's id
 * under the site's key, so the room a resent form would get leads to the booking it made. The id
 * is as secret as the room itself: only the patient's own pages carry either.
 */
final class FormSubmissions {

    private final HmacSigner signer;

    FormSubmissions(HmacSigner signer) {
        this.signer = signer;
    }

    /** A new form's id. */
    static String newId() {
        return SecretTokens.newToken();
    }

    /** Whether a sent value can be a form's id (anything else books with a room of its own). */
    static boolean wellFormed(String id) {
        return id != null && id.matches("[A-Za-z0-9_-]{43}");
    }

    /** The video room of the booking this form makes; a new random room for a booking without a form (the API). */
    String room(String id) {
        String seed = wellFormed(id) ? signer.sign("consult-room:" + id) : SecretTokens.newToken();
        return "Vertebra-" + SecretTokens.hash(seed).substring(0, 32);
    }
}
