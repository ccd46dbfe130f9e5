package id.serambi.account.tokens;

import id.serambi.common.SerambiConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The RS256 key pair that signs and verifies Serambi's JWTs. Configured PEM files take precedence. Without them, the
 * first instance to start generates a pair and stores it in the database; every later start and every replica reads
 * that same pair, so tokens stay valid across restarts and instances.
 *
 * <p>The stored private key is encrypted with AES-256-GCM (the JDK's {@code javax.crypto}) under the key in
 * {@code serambi.jwt.key-encryption-key} (SERAMBI_JWT_KEY_ENCRYPTION_KEY, the base64 of 32 bytes): a fresh random
 * 12-byte IV each time, the public key's PEM as associated data (so a row cannot pair another private key with it),
 * stored as {@value #ENCRYPTED_PREFIX} + base64(IV ‖ ciphertext ‖ tag). A plaintext PEM left by an earlier version is
 * encrypted in place at the first start with a key. Without configured PEM files and without that key the app does not
 * start: a database dump must not hand anyone the power to sign tokens.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    static final String ENCRYPTED_PREFIX = "serambi-aes256gcm-v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SerambiConfig config;
    private final SigningKeyRepository keys;
    private final Optional<String> keyEncryptionKey;
    private volatile PublicKey publicKey;
    private volatile PrivateKey privateKey;
    private volatile String keyId;

    @Inject
    public SigningKeys(SerambiConfig config, SigningKeyRepository keys, KeyEncryptionSettings encryption) {
        this(config, keys, encryption.keyEncryptionKey());
    }

    SigningKeys(SerambiConfig config, SigningKeyRepository keys, Optional<String> keyEncryptionKey) {
        this.config = config;
        this.keys = keys;
        this.keyEncryptionKey = keyEncryptionKey;
    }

    void load(@Observes @Priority(10) StartupEvent event) {
        SerambiConfig.Jwt jwt = config.jwt();
        try {
            if (jwt.publicKeyLocation().isPresent() && jwt.privateKeyLocation().isPresent()) {
                use(KeyUtils.decodePublicKey(ResourceUtils.readResource(jwt.publicKeyLocation().get())),
                        KeyUtils.decodePrivateKey(ResourceUtils.readResource(jwt.privateKeyLocation().get())));
                LOG.infof("JWT keys loaded from %s", jwt.publicKeyLocation().get());
                return;
            }
            if (jwt.publicKeyLocation().isPresent() || jwt.privateKeyLocation().isPresent()) {
                throw new IllegalStateException(
                        "Set both serambi.jwt.public-key-location and serambi.jwt.private-key-location, or neither");
            }
            byte[] key = encryptionKey(keyEncryptionKey);
            SigningKeyRepository.StoredPair pair = storedOrGenerated(key);
            String publicPem = pair.publicPem();
            String privatePem = pair.privatePem();
            if (!privatePem.startsWith(ENCRYPTED_PREFIX)) {
                encryptInPlace(key, publicPem, privatePem);
            } else {
                privatePem = decrypt(key, privatePem, publicPem);
            }
            use(KeyUtils.decodePublicKey(publicPem), KeyUtils.decodePrivateKey(privatePem));
            LOG.info("No JWT key files configured: using the key pair stored in the database, its private key "
                    + "encrypted with SERAMBI_JWT_KEY_ENCRYPTION_KEY");
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the JWT signing keys: " + e.getMessage(), e);
        }
    }

    /**
     * The key that encrypts the stored private key, from {@code serambi.jwt.key-encryption-key}; without it (and without
     * configured PEM files, checked before) the app must not start.
     */
    static byte[] encryptionKey(Optional<String> configured) {
        String value = configured.map(String::strip).filter(v -> !v.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "No JWT signing keys: set SERAMBI_JWT_KEY_ENCRYPTION_KEY (the base64 of 32 random bytes, e.g. "
                        + "'openssl rand -base64 32') so that the generated key pair is stored encrypted, or configure "
                        + "your own PEM files with SERAMBI_JWT_PUBLIC_KEY_LOCATION and SERAMBI_JWT_PRIVATE_KEY_LOCATION"));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalStateException("SERAMBI_JWT_KEY_ENCRYPTION_KEY must be the base64 of exactly 32 bytes "
                    + "(e.g. 'openssl rand -base64 32')");
        }
        return key;
    }

    /** The private key's PEM encrypted for storage: the prefix, then base64 of IV, ciphertext and tag. */
    static String encrypt(byte[] key, String privatePem, String publicPem) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(publicPem.getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = cipher.doFinal(privatePem.getBytes(StandardCharsets.US_ASCII));
        byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
        return ENCRYPTED_PREFIX + Base64.getEncoder().encodeToString(out);
    }

    /** The stored private key's PEM; a wrong key (or a tampered row) stops the start with a clear message. */
    static String decrypt(byte[] key, String stored, String publicPem) throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(stored.substring(ENCRYPTED_PREFIX.length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
        cipher.updateAAD(publicPem.getBytes(StandardCharsets.US_ASCII));
        try {
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Cannot decrypt the JWT private key stored in the database: "
                    + "SERAMBI_JWT_KEY_ENCRYPTION_KEY is not the key it was encrypted with", e);
        }
    }

    /** A plaintext private key left by an earlier version is encrypted where it lies (once, by one instance). */
    private void encryptInPlace(byte[] key, String publicPem, String privatePem) throws GeneralSecurityException {
        keys.replacePrivate(privatePem, encrypt(key, privatePem, publicPem));
        LOG.warn("The JWT private key stored in the database was plain text: it is now encrypted with "
                + "SERAMBI_JWT_KEY_ENCRYPTION_KEY");
    }

    private SigningKeyRepository.StoredPair storedOrGenerated(byte[] key) throws GeneralSecurityException {
        Optional<SigningKeyRepository.StoredPair> stored = keys.find();
        if (stored.isPresent()) {
            return stored.get();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String publicPem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
        keys.insertIfAbsent(publicPem, encrypt(key, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), publicPem));
        LOG.warn("Generated a new JWT signing key pair and stored it in the database");
        return keys.find().orElseThrow();
    }

    private void use(PublicKey publicKey, PrivateKey privateKey) throws GeneralSecurityException {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
        this.keyId = HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }
}
