package org.vertebra.consent;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A script the site owner adds (an analytics snippet), loaded only once its category is accepted.
 * Until then every page carries it inert ({@code type="text/plain"}). It is either an https
 * address ({@code src}) or a snippet ({@code code}) that Vertebra serves itself, so a snippet is
 * a first-party script the Content-Security-Policy already allows.
 */
public record OptionalScript(long id, ConsentCategory category, String name, String src, String code) {

    /** Where a served snippet lives; the file name carries a hash of the code, so a changed snippet has a new address. */
    public static final String SERVED_PATH = "/consent/scripts/";

    /** What the page's inert script element points at, and the consent script loads. */
    public String address() {
        return src != null ? src : SERVED_PATH + fileName();
    }

    /** The served snippet's file name: {@code ID-HASH.js}. */
    public String fileName() {
        return id + "-" + codeHash() + ".js";
    }

    /** The address's origin, which the Content-Security-Policy must allow; none for a snippet served here. */
    public Optional<String> origin() {
        if (src == null) {
            return Optional.empty();
        }
        URI uri = URI.create(src);
        return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    ScriptChange change() {
        return new ScriptChange(category, name, src, code);
    }

    private String codeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
