package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vertebra.qr.QrSvg;

/** TOTP codes against RFC 6238's test vectors, Base32 against RFC 4648's, and recovery codes. */
class TotpTest {

    /** RFC 6238 appendix B's SHA-1 key: the ASCII of "12345678901234567890". */
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void makesTheEightDigitCodesOfRfc6238AppendixB() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111)), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcCodesWithLeadingZerosKept() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)), 6)).isEqualTo("081804");
        assertThat(Totp.code(Base32.encode(RFC_KEY), Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
    }

    @Test
    void acceptsTheCodeOfOneStepEitherSideButNotTwo() {
        String secret = Base32.encode(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(secret, null, now)).isEmpty();
    }

    @Test
    void newSecretsHave160RandomBitsInBase32() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void theOtpauthAddressNamesTheSiteAndTheAccount() {
        assertThat(Totp.uri("Knee & Hip Clinic", "ada@example.org", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Knee%20%26%20Hip%20Clinic:ada%40example.org?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Knee%20%26%20Hip%20Clinic&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.grouped("JBSWY3DPEHPK3PXP")).isEqualTo("JBSW Y3DP EHPK 3PXP");
        assertThat(Totp.grouped("JBSWY3")).isEqualTo("JBSW Y3");
    }

    @Test
    void base32MatchesRfc4648AndRoundTrips() {
        List<String[]> vectors = List.of(new String[] {"", ""}, new String[] {"f", "MY"}, new String[] {"fo", "MZXQ"},
                new String[] {"foo", "MZXW6"}, new String[] {"foob", "MZXW6YQ"}, new String[] {"fooba", "MZXW6YTB"},
                new String[] {"foobar", "MZXW6YTBOI"});
        for (String[] vector : vectors) {
            assertThat(Base32.encode(vector[0].getBytes(StandardCharsets.US_ASCII))).as(vector[0]).isEqualTo(vector[1]);
            assertThat(new String(Base32.decode(vector[1]), StandardCharsets.US_ASCII)).isEqualTo(vector[0]);
        }
        Random random = new Random(6238);
        for (int length = 0; length < 40; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
        }
        assertThat(Base32.decode("mzxw 6ytb-oi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Base32.decode("MZ1W")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recoveryCodesAreTenDistinctAndHashTheSameHoweverTyped() {
        List<String> codes = RecoveryCodes.generate();
        assertThat(codes).hasSize(10).allMatch(c -> c.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        assertThat(new HashSet<>(codes)).hasSize(10);
        String code = codes.get(0);
        String hash = RecoveryCodes.hash(code);
        assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(code.replace("-", ""));
        assertThat(RecoveryCodes.hash(code.toUpperCase().replace("-", " "))).isEqualTo(hash);
        assertThat(RecoveryCodes.hash(" " + code.replace("-", "") + " ")).isEqualTo(hash);
        assertThat(RecoveryCodes.hash(codes.get(1))).isNotEqualTo(hash);
        assertThat(RecoveryCodes.looksLikeOne(code)).isTrue();
        assertThat(RecoveryCodes.looksLikeOne("123456")).isFalse();
    }

    @Test
    void theQrCodeIsSvgWithAQuietZoneAndAName() {
        String svg = QrSvg.of("otpauth://totp/A:b%40example.org?secret=JBSWY3DPEHPK3PXP", "QR code <for> \"you\"");
        assertThat(svg).startsWith("<svg ").contains("role=\"img\"").contains("aria-label=\"QR code &lt;for&gt; &quot;you&quot;\"")
                .contains("shape-rendering=\"crispEdges\"").doesNotContain("otpauth");
        int viewBox = Integer.parseInt(svg.replaceAll("(?s).*viewBox=\"0 0 (\\d+) .*", "$1"));
        // No module is drawn in the four-module margin: every path starts at 4 or more, inside size - 4.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("M(\\d+),(\\d+)").matcher(svg);
        int count = 0;
        while (m.find()) {
            count++;
            for (int i = 1; i <= 2; i++) {
                assertThat(Integer.parseInt(m.group(i))).isBetween(QrSvg.QUIET_ZONE, viewBox - QrSvg.QUIET_ZONE - 1);
            }
        }
        assertThat(count).isGreaterThan(100);
    }
}
