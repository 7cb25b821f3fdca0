package org.vertebra.app;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vertebra.account.TwoFactorService;
import org.vertebra.consult.ConsultJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "consult-rekey", mixinStandardHelpOptions = true, description = "Seals every consultation's intake answers and notes, "
        + "every reading list's address and note, and "
        + "every account's two-step sign-in key and recovery codes, again under the current key (after a key change), so that the old "
        + "keys can be removed; the site may be running.")
public final class ConsultRekeyCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "200",
            description = "consultations re-encrypted per transaction (default ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() {
        if (batch < 1 || batch > 10_000) {
            System.err.println("vertebra: --batch must be from 1 to 10000");
            return 2;
        }
        try (Site opened = Site.open(site.settings(null), Clock.systemUTC())) {
            ConsultJobs.Rekeyed r = opened.consult.jobs().rekey(batch);
            opened.audit.record(org.vertebra.audit.Actor.commandLine("consult-rekey"), org.vertebra.audit.AuditAction.KEY_ROTATED,
                    org.vertebra.audit.AuditObject.of("health-data-key", r.keyId()).withDetail(r.resealed() + " values sealed again"),
                    r.unreadable().isEmpty() && r.remaining() == 0 ? org.vertebra.audit.AuditOutcome.OK : org.vertebra.audit.AuditOutcome.FAILED);
            switch (opened.mail.resealPassword()) {
                case RESEALED -> System.out.println("consult-rekey: the stored SMTP password sealed again");
                case UNREADABLE -> System.err.println("vertebra: the stored SMTP password is under a key this configuration does "
                        + "not have; enter it again under Mail settings");
                default -> { } // none stored, or under the new key already
            }
            TwoFactorService.Resealed twoStep = opened.accounts.twoFactor().reseal();
            System.out.printf("consult-rekey: %d two-step sign-in keys and recovery codes sealed again, %d were under the key already%n",
                    twoStep.resealed(), twoStep.current());
            if (twoStep.unreadable() > 0) {
                System.err.printf("vertebra: %d two-step sign-in values are under a key this configuration does not have; add that "
                        + "key to VERTEBRA_CONSULT_OLD_KEYS or consult.old-keys and run consult-rekey again%n", twoStep.unreadable());
                return 1;
            }
            org.vertebra.reading.ReadingService.Rekeyed lists = opened.reading.rekey(batch);
            System.out.printf("consult-rekey: %d reading list addresses and notes sealed again, %d were under the key already%n",
                    lists.resealed(), lists.current());
            if (!lists.unreadable().isEmpty()) {
                System.err.printf("vertebra: %d reading lists hold values under a key this configuration does not have "
                        + "(list ids %s); add that key to VERTEBRA_CONSULT_OLD_KEYS or consult.old-keys and run consult-rekey "
                        + "again%n", lists.unreadable().size(),
                        lists.unreadable().stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")));
                return 1;
            }
            System.out.printf("consult-rekey: %d values sealed again under key %s, %d were under it already%n",
                    r.resealed(), r.keyId(), r.current());
            if (r.changed() > 0) {
                System.out.printf("%d values changed by a server during the run were left as it wrote them%n", r.changed());
            }
            if (!r.unreadable().isEmpty()) {
                System.err.printf("vertebra: %d consultations hold values under a key this configuration does not have "
                        + "(booking ids %s); add that key to VERTEBRA_CONSULT_OLD_KEYS or consult.old-keys and run "
                        + "consult-rekey again%n", r.unreadable().size(),
                        r.unreadable().stream().limit(20).map(String::valueOf).collect(Collectors.joining(", ")));
                return 1;
            }
            if (r.remaining() > 0) {
                System.err.printf("vertebra: %d values are still under another key, written meanwhile by a server that "
                        + "still encrypts with an old key; give every server the new key and run consult-rekey again%n",
                        r.remaining());
                return 1;
            }
            System.out.println(opened.consult.jobs().oldKeyIds().isEmpty()
                    ? "every value is under the current key"
                    : "no value is left under an old key (" + String.join(", ", opened.consult.jobs().oldKeyIds())
                    + "): the old keys may now be removed from every server");
            return 0;
        }
    }
}
