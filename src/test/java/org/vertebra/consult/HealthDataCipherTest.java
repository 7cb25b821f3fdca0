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
}
