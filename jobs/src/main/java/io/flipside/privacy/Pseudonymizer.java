package io.flipside.privacy;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Person-id pseudonyms of SPEC §6: HMAC-SHA256 of the id, keyed by {@code FLIPSIDE_PSEUDONYM_KEY},
 * truncated to the first 16 bytes as 32 lowercase hex characters. The key never leaves memory: it is
 * not logged, written, or part of {@link #toString()}.
 */
public final class Pseudonymizer implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String KEY_VARIABLE = "FLIPSIDE_PSEUDONYM_KEY";

    private final byte[] key;
    private final boolean stable;
    private transient Mac mac;

    private Pseudonymizer(byte[] key, boolean stable) {
        this.key = key.clone();
        this.stable = stable;
    }

    public static Pseudonymizer withKey(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an empty pseudonym key");
        }
        return new Pseudonymizer(secret.getBytes(StandardCharsets.UTF_8), true);
    }

    /** A throw-away random key: pseudonyms then differ from run to run. */
    public static Pseudonymizer randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return new Pseudonymizer(k, false);
    }

    /** The key from the environment variable, else a random one (the caller warns). */
    public static Pseudonymizer fromEnvironment() {
        String secret = System.getenv(KEY_VARIABLE);
        return secret == null || secret.isEmpty() ? randomKey() : withKey(secret);
    }

    /** Whether pseudonyms will match those of other runs with the same key. */
    public boolean stable() {
        return stable;
    }

    public String pseudonym(String id) {
        if (id == null) {
            return null;
        }
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            }
            byte[] h = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[" + (stable ? "key from " + KEY_VARIABLE : "random key") + "]";
    }
}
