package id.serambi.account.tokens;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key that encrypts the JWT private key stored in the database (see {@link SigningKeys}). */
@ConfigMapping(prefix = "serambi.jwt")
public interface KeyEncryptionSettings {

    /** SERAMBI_JWT_KEY_ENCRYPTION_KEY: the base64 of 32 random bytes (openssl rand -base64 32). */
    Optional<String> keyEncryptionKey();
}
