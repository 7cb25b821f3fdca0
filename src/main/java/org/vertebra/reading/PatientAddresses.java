package org.vertebra.reading;

import java.util.Optional;
import org.vertebra.access.User;

/**
 * The patient's address of a consultation, when this person may open it: what the send form is
 * filled in with when a doctor sends a list from a consultation (consult/ answers it).
 */
@FunctionalInterface
public interface PatientAddresses {

    Optional<String> of(long consultationId, User user);
}
