package org.vertebra.consult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.vertebra.secret.SecretTokens;

/**
 * Encrypts health data (intake answers, doctors' notes) for storage: AES-256-GCM with a fresh
 * random 96-bit nonce per value. A stored value reads {@code v1.KEYID.BASE64(nonce || ciphertext
 * || tag)}, where KEYID names the key (the start of its SHA-256), so a new key can take over while
 * values under older keys still open ({@link #withOldKey}). The field's name is bound in as
 * associated data: an intake value pasted into the notes column does not open.
 */
public final class HealthDataCipher {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    public HealthDataCipher(byte[] key) {
        this.currentId = add(key);
    }

    /** Also opens values written under an older key (after a rotation); new values use the current key. */
    public HealthDataCipher withOldKey(byte[] key) {
        add(key);
        return this;
    }

    private String add(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the consultation key must be 32 bytes (256 bits), not " + key.length);
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }

    static String keyId(byte[] key) {
        return HexFormat.of().formatHex(SecretTokens.sha256(Base64.getEncoder().encodeToString(key))).substring(0, 8);
    }

    /** The value sealed for the column {@code field}; null stays null. */
    public String encrypt(String field, String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + "." + currentId + "." + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The plain value; throws {@link Unreadable} when it was changed, or sealed under an unknown key or for another field. */
    public String decrypt(String field, String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !keys.containsKey(parts[1])) {
            throw new Unreadable("not a value sealed under a key this site has");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            if (in.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new Unreadable("too short to be a sealed value");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new Unreadable("the value was changed or does not belong here");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * The key from the configuration (Base64 of 32 bytes) when given; otherwise the key file, made
     * with owner-only permissions (rw-------) on first run.
     */
    public static byte[] loadKey(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return decodeKey(configured.strip(), "consult.key (VERTEBRA_CONSULT_KEY)");
        }
        try {
            if (Files.notExists(keyFile)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                try {
                    createOwnerOnly(keyFile);
                    Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: read theirs
                }
            }
            return decodeKey(Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the consultation key file " + keyFile, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be Base64 of 32 random bytes (openssl rand -base64 32)");
    }

    /** A stored value that does not open: changed, or under a key this site does not have. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }
}
