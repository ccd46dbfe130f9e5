package id.serambi.social.connections;

import id.serambi.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the platforms' tokens for storage with AES-256-GCM (the JDK's {@code javax.crypto}) under the same key as
 * the JWT signing key ({@code serambi.jwt.key-encryption-key}, SERAMBI_JWT_KEY_ENCRYPTION_KEY, the base64 of 32 bytes):
 * a fresh random 12-byte IV each time, and associated data that binds the ciphertext to its row (e.g. the connection's
 * platform and external id), so that a token copied into another row does not decrypt. Stored as
 * {@value #PREFIX} + base64(IV ‖ ciphertext ‖ tag).
 * <p>
 * Without the key, nothing can be connected: {@link #encrypt} fails with a 503 problem that names the setting.
 */
@ApplicationScoped
public class TokenCipher {

    static final String PREFIX = "serambi-aes256gcm-v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public TokenCipher(@ConfigProperty(name = "serambi.jwt.key-encryption-key") Optional<String> configured) {
        this.key = parse(configured);
    }

    static byte[] parse(Optional<String> configured) {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return bytes.length == 32 ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether tokens can be stored (the key is configured and is 32 bytes). */
    public boolean available() {
        return key != null;
    }

    /** A 503 problem when the key is missing. */
    public void requireKey() {
        if (key == null) {
            throw new ProblemException(503, "token-key-missing", "Token encryption key not configured",
                    "Serambi cannot store a platform's token without SERAMBI_JWT_KEY_ENCRYPTION_KEY (the base64 of 32 "
                            + "random bytes, e.g. 'openssl rand -base64 32'); ask the administrator to set it");
        }
    }

    public String encrypt(String plain, String associatedData) {
        if (plain == null) {
            return null;
        }
        requireKey();
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a token", e);
        }
    }

    /**
     * The stored token in plain text. A wrong key, a tampered value or a value moved to another row fails with
     * {@link IllegalStateException} (the message never holds the token).
     */
    public String decrypt(String stored, String associatedData) {
        if (stored == null) {
            return null;
        }
        requireKey();
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored token is not encrypted");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored token: SERAMBI_JWT_KEY_ENCRYPTION_KEY is not the key "
                    + "it was encrypted with, or the row was altered");
        }
    }
}
