package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id hashes: format, verification, salts, parameters read back from the hash. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.OWASP);

    @Test
    void hashIsSelfDescribingPhcStringWithOwaspParameters() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifiesTheRightPasswordAndRefusesAnyOther() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        String first = hasher.hash("pässwörd with ünïcode ✓");
        String second = hasher.hash("pässwörd with ünïcode ✓");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("pässwörd with ünïcode ✓", first)).isTrue();
        assertThat(hasher.verify("pässwörd with ünïcode ✓", second)).isTrue();
    }

    @Test
    void verifiesHashesMadeWithOtherParametersAndSaysTheyNeedRehashing() {
        PasswordHasher older = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1));
        String oldHash = older.hash("an older password");

        assertThat(oldHash).contains("$m=1024,t=1,p=1$");
        assertThat(hasher.verify("an older password", oldHash)).isTrue();
        assertThat(hasher.needsRehash(oldHash)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("a current password"))).isFalse();
    }

    @Test
    void malformedOrForeignHashesNeverVerify() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")).isFalse();
    }

    @Test
    void knownAnswerFromTheReferenceImplementation() {
        // argon2 CLI (the reference implementation): echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("passwore", reference)).isFalse();
    }
}
