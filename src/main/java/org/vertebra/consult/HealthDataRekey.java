package org.vertebra.consult;

import java.util.ArrayList;
import java.util.List;
import org.vertebra.data.Transactor;

/**
 * Seals every stored intake and note again under the current key, so that a retired key can be
 * removed. It walks the bookings in id order, a bounded batch per transaction, and replaces a value
 * only if it is still the one it read (a server saving notes meanwhile wins; what it wrote is
 * under its current key anyway). Values already under the current key are left alone, so running
 * it again is harmless, and it may run while servers serve.
 */
final class HealthDataRekey {

    static final String INTAKE = "intake";
    static final String NOTES = "notes";

    /** One booking's sealed values as stored. */
    record Sealed(long id, String intake, String notes) {
    }

    private final Transactor transactor;
    private final ConsultRepository repository;
    private final HealthDataCipher cipher;

    HealthDataRekey(Transactor transactor, ConsultRepository repository, HealthDataCipher cipher) {
        this.transactor = transactor;
        this.repository = repository;
        this.cipher = cipher;
    }

    ConsultJobs.Rekeyed run(int batchSize) {
        int[] counts = new int[3];
        List<Long> unreadable = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Sealed> batch = transactor.inTransaction(() -> {
                List<Sealed> rows = repository.sealedAfter(from, batchSize);
                for (Sealed row : rows) {
                    boolean intakeOk = reseal(row.id(), INTAKE, row.intake(), counts);
                    boolean notesOk = reseal(row.id(), NOTES, row.notes(), counts);
                    if (!intakeOk || !notesOk) {
                        unreadable.add(row.id());
                    }
                }
                return rows;
            });
            if (batch.size() < batchSize) {
                break;
            }
            after = batch.get(batch.size() - 1).id();
        }
        return new ConsultJobs.Rekeyed(cipher.currentKeyId(), counts[0], counts[1], counts[2], List.copyOf(unreadable),
                repository.countNotSealedUnder(cipher.currentKeyId()));
    }

    /** Reseals one value and counts what happened; false when no key of this configuration opens it. */
    private boolean reseal(long id, String column, String stored, int[] counts) {
        if (stored == null) {
            return true;
        }
        if (cipher.isCurrent(stored)) {
            counts[1]++;
            return true;
        }
        String fresh;
        try {
            fresh = cipher.reseal(column, stored);
        } catch (HealthDataCipher.Unreadable e) {
            return false;
        }
        counts[repository.replaceSealed(id, column, stored, fresh) ? 0 : 2]++;
        return true;
    }
}
