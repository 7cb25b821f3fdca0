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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
 * values under older keys still open ({@link #withOldKey}) until {@code vertebra consult-rekey} has
 * sealed them again under the current one ({@link #reseal}). The key id is a hash of the key, never
 * the key, and is safe to print. The field's name is bound in as associated data: an intake value
 * pasted into the notes column does not open.
 */
public final class HealthDataCipher implements org.vertebra.secret.Sealer {

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

    /** The id of the key new values are sealed under (safe to show: a hash, not the key). */
    public String currentKeyId() {
        return currentId;
    }

    /** The ids of the retired keys this cipher still opens, oldest configuration order. */
    public List<String> oldKeyIds() {
        return keys.keySet().stream().filter(id -> !id.equals(currentId)).toList();
    }

    /** The id of the key a stored value was sealed under, or null when it is not a sealed value. */
    public static String keyIdOf(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\.", 3);
        return parts.length == 3 && parts[0].equals(VERSION) ? parts[1] : null;
    }

    /** Whether the value is sealed under the current key already (null counts as nothing to do). */
    @Override
    public boolean isCurrent(String stored) {
        return stored == null || currentId.equals(keyIdOf(stored));
    }

    /**
     * The value sealed again under the current key, or the same text when it is under it already.
     *
     * @throws Unreadable when it does not open under any key this cipher has
     */
    public String reseal(String field, String stored) {
        return isCurrent(stored) ? stored : encrypt(field, decrypt(field, stored));
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

    /** The site's other secrets (the SMTP password) are sealed under the same key, kept outside the database. */
    @Override
    public String seal(String purpose, String plain) {
        return encrypt(purpose, plain);
    }

    @Override
    public java.util.Optional<String> open(String purpose, String sealed) {
        try {
            return java.util.Optional.ofNullable(decrypt(purpose, sealed));
        } catch (Unreadable e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The site's cipher as configured: the current key ({@link #loadKey}, from the options or
     * DATA/consult.key) and the retired ones ({@link #loadOldKeys}, from the options and
     * DATA/consult.old-keys).
     */
    public static HealthDataCipher configured(ConsultOptions options, Path dataDir) {
        HealthDataCipher cipher = new HealthDataCipher(loadKey(options.configuredKey(), dataDir.resolve("consult.key")));
        for (byte[] old : loadOldKeys(options.configuredOldKeys(), dataDir.resolve("consult.old-keys"))) {
            cipher.withOldKey(old);
        }
        return cipher;
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

    /**
     * The retired keys: Base64 keys separated by commas from the configuration
     * (VERTEBRA_CONSULT_OLD_KEYS or consult.old_keys), then one per line from the file
     * (DATA/consult.old-keys, lines starting with # are comments). Neither is required. An error
     * names where the bad key is (its position), never the key.
     */
    public static List<byte[]> loadOldKeys(String configured, Path file) {
        List<byte[]> old = new ArrayList<>();
        String[] listed = configured == null || configured.isBlank() ? new String[0] : configured.strip().split("\\s*,\\s*");
        for (int i = 0; i < listed.length; i++) {
            old.add(decodeKey(listed[i], "key " + (i + 1) + " of consult.old_keys (VERTEBRA_CONSULT_OLD_KEYS)"));
        }
        if (Files.isRegularFile(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        old.add(decodeKey(line, file + " line " + (i + 1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the retired consultation keys in " + file, e);
            }
        }
        return old;
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
