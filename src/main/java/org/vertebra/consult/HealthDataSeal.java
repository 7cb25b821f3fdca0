package org.vertebra.consult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Intake answers and notes as the database holds them: intake as JSON, both sealed by {@link HealthDataCipher}. */
final class HealthDataSeal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HealthDataCipher cipher;

    HealthDataSeal(HealthDataCipher cipher) {
        this.cipher = cipher;
    }

    HealthDataCipher cipher() {
        return cipher;
    }

    String sealIntake(Intake intake) {
        return cipher.encrypt("intake", json(intake));
    }

    Intake openIntake(String sealed) {
        return intake(cipher.decrypt("intake", sealed));
    }

    String sealNotes(String notes) {
        return cipher.encrypt("notes", notes);
    }

    String openNotes(String sealed) {
        return cipher.decrypt("notes", sealed);
    }

    private static String json(Intake intake) {
        try {
            return JSON.writeValueAsString(intake);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an intake record is always serialisable", e);
        }
    }

    private static Intake intake(String json) {
        try {
            return JSON.readValue(json, Intake.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored intake answers are not the JSON this service wrote", e);
        }
    }
}
