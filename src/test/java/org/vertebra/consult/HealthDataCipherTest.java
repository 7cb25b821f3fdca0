package org.vertebra.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthDataCipherTest {

    @TempDir
    Path temp;

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealsWithAFreshNonceAndOpensAgain() {
        HealthDataCipher cipher = new HealthDataCipher(key(1));

        String a = cipher.encrypt("intake", "knee pain for three weeks");
        String b = cipher.encrypt("intake", "knee pain for three weeks");

        assertThat(a).startsWith("v1." + HealthDataCipher.keyId(key(1)) + ".").doesNotContain("knee");
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt("intake", a)).isEqualTo("knee pain for three weeks");
        assertThat(cipher.encrypt("notes", null)).isNull();
    }

    @Test
    void refusesAChangedValueAnotherFieldOrAnUnknownKey() {
        HealthDataCipher cipher = new HealthDataCipher(key(1));
        String sealed = cipher.encrypt("intake", "back pain");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf('.') + 1));
        raw[raw.length - 1] ^= 1;
        String tampered = sealed.substring(0, sealed.lastIndexOf('.') + 1) + Base64.getEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt("intake", tampered)).isInstanceOf(HealthDataCipher.Unreadable.class);
        assertThatThrownBy(() -> cipher.decrypt("notes", sealed)).isInstanceOf(HealthDataCipher.Unreadable.class);
        assertThatThrownBy(() -> new HealthDataCipher(key(2)).decrypt("intake", sealed))
                .isInstanceOf(HealthDataCipher.Unreadable.class);
        assertThatThrownBy(() -> cipher.decrypt("intake", "back pain")).isInstanceOf(HealthDataCipher.Unreadable.class);
    }

    @Test
    void opensValuesUnderAnOldKeyAfterRotation() {
        String old = new HealthDataCipher(key(1)).encrypt("notes", "follow up in six weeks");

        HealthDataCipher rotated = new HealthDataCipher(key(2)).withOldKey(key(1));

        assertThat(rotated.decrypt("notes", old)).isEqualTo("follow up in six weeks");
        assertThat(rotated.encrypt("notes", "x")).startsWith("v1." + HealthDataCipher.keyId(key(2)) + ".");
    }

    @Test
    void makesAnOwnerOnlyKeyFileOnFirstRunAndReadsItLater() throws Exception {
        Path file = temp.resolve("data/consult.key");

        byte[] first = HealthDataCipher.loadKey("", file);
        byte[] again = HealthDataCipher.loadKey(null, file);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void prefersTheConfiguredKeyAndRefusesOneOfTheWrongSize() {
        String configured = Base64.getEncoder().encodeToString(key(7));

        assertThat(HealthDataCipher.loadKey(configured, temp.resolve("unused.key"))).isEqualTo(key(7));
        assertThat(temp.resolve("unused.key")).doesNotExist();
        assertThatThrownBy(() -> HealthDataCipher.loadKey("c2hvcnQ=", temp.resolve("x.key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }

    /** Key and values written by the cipher before key rotation existed (commit bea173b); they must open for ever. */
    static final String EARLIER_KEY = "AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw=";
    static final String EARLIER_INTAKE = "v1.a9ac0169.yVnftgbWC0gtVIbOvHYkFEw6bndFyLBRK1KumeLSA/EfR5jBvfy01V/oUXUgplrfGn"
            + "erJO/QxFWFNdXAymNuwuuZJhe1alfF58EWhrQY9JU";
    static final String EARLIER_NOTES = "v1.a9ac0169.4hQkp6uWDEnT3J3CoVfdTce0eBmXRarT1Ndu44y95+3OsPelE0OfwxsyL2yVx29w"
            + "shN/Obc4O88jBPw";

    @Test
    void opensValuesWrittenByTheEarlierFormatUnderTheCurrentOrARetiredKey() {
        byte[] earlier = Base64.getDecoder().decode(EARLIER_KEY);

        HealthDataCipher same = new HealthDataCipher(earlier);
        HealthDataCipher rotated = new HealthDataCipher(key(9)).withOldKey(earlier);

        assertThat(same.decrypt("intake", EARLIER_INTAKE)).isEqualTo("{\"complaint\":\"demo: stiff shoulder in the mornings\"}");
        assertThat(rotated.decrypt("notes", EARLIER_NOTES)).isEqualTo("demo note: review in four weeks");
        assertThat(HealthDataCipher.keyIdOf(EARLIER_NOTES)).isEqualTo(HealthDataCipher.keyId(earlier)).isEqualTo("a9ac0169");
        assertThat(rotated.isCurrent(EARLIER_NOTES)).isFalse();
        assertThat(same.isCurrent(EARLIER_NOTES)).isTrue();
    }

    @Test
    void keyIdIsAShortHashThatNamesTheKeyWithoutRevealingIt() {
        String id = HealthDataCipher.keyId(key(1));
        HealthDataCipher cipher = new HealthDataCipher(key(1)).withOldKey(key(2)).withOldKey(key(1));

        assertThat(id).matches("[0-9a-f]{8}").isNotEqualTo(HealthDataCipher.keyId(key(2)));
        assertThat(Base64.getEncoder().encodeToString(key(1))).doesNotContain(id);
        assertThat(cipher.currentKeyId()).isEqualTo(id);
        assertThat(cipher.oldKeyIds()).containsExactly(HealthDataCipher.keyId(key(2)));
        assertThat(HealthDataCipher.keyIdOf("back pain")).isNull();
        assertThat(HealthDataCipher.keyIdOf(null)).isNull();
    }

    @Test
    void resealsAValueUnderTheCurrentKeyAndLeavesACurrentOneAlone() {
        String underOld = new HealthDataCipher(key(1)).encrypt("intake", "hip pain");
        HealthDataCipher rotated = new HealthDataCipher(key(2)).withOldKey(key(1));

        String resealed = rotated.reseal("intake", underOld);

        assertThat(rotated.isCurrent(resealed)).isTrue();
        assertThat(rotated.reseal("intake", resealed)).isSameAs(resealed);
        assertThat(new HealthDataCipher(key(2)).decrypt("intake", resealed)).isEqualTo("hip pain");
        assertThat(rotated.reseal("intake", null)).isNull();
        assertThatThrownBy(() -> rotated.reseal("notes", underOld)).isInstanceOf(HealthDataCipher.Unreadable.class);
        assertThatThrownBy(() -> new HealthDataCipher(key(3)).reseal("intake", underOld))
                .isInstanceOf(HealthDataCipher.Unreadable.class);
    }

    @Test
    void readsRetiredKeysFromTheSettingAndTheFileAndNamesABadOneByPositionOnly() throws Exception {
        Path file = temp.resolve("consult.old-keys");
        Files.writeString(file, "# retired 2026-11\n" + Base64.getEncoder().encodeToString(key(3)) + "\n\n");
        String listed = Base64.getEncoder().encodeToString(key(1)) + " , " + Base64.getEncoder().encodeToString(key(2));

        assertThat(HealthDataCipher.loadOldKeys(listed, file)).containsExactly(key(1), key(2), key(3));
        assertThat(HealthDataCipher.loadOldKeys("", temp.resolve("absent"))).isEmpty();
        String wrong = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> HealthDataCipher.loadOldKeys(listed + "," + wrong, file))
                .hasMessageContaining("key 3 of consult.old_keys").hasMessageNotContaining(wrong);
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> HealthDataCipher.loadOldKeys("", file)).hasMessageContaining("line 1")
                .hasMessageNotContaining("not a key");
    }

    @Test
    void configuredCipherEncryptsWithTheCurrentKeyAndOpensTheRetiredOnes() throws Exception {
        String current = Base64.getEncoder().encodeToString(key(5));
        Files.writeString(temp.resolve("consult.old-keys"), Base64.getEncoder().encodeToString(key(4)) + "\n");
        String old = new HealthDataCipher(key(4)).encrypt("notes", "x-ray next visit");

        HealthDataCipher cipher = HealthDataCipher.configured(new ConsultOptions(ConsultOptions.DEFAULT_JITSI,
                java.time.Duration.ofHours(24), 365, current, ""), temp);

        assertThat(cipher.currentKeyId()).isEqualTo(HealthDataCipher.keyId(key(5)));
        assertThat(cipher.decrypt("notes", old)).isEqualTo("x-ray next visit");
        assertThat(temp.resolve("consult.key")).doesNotExist();
    }
}
